import datetime

from django.template.loader import render_to_string

from funding.models import Source


def source_note(source):
    return render_to_string("funding/includes/source.html", {"source": source})


def test_a_source_note_links_the_source_and_says_when_it_was_read():
    source = Source(
        title="Report <2024> & notes",
        url='https://example.org/?a=1&b="2"',
        date_accessed=datetime.date(2026, 11, 1),
    )
    assert source_note(source).strip() == (
        '<span class="funding-source">Source: '
        '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">'
        "Report &lt;2024&gt; &amp; notes</a>, "
        'accessed <time datetime="2026-11-01">1 November 2026</time></span>'
    )


def test_a_source_without_an_address_or_date_is_named():
    source = Source(title="Board minutes", url="", date_accessed=None)
    assert source_note(source).strip() == (
        '<span class="funding-source">Source: Board minutes</span>'
    )
