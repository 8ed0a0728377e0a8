"""Reading the whole sitemap: the index and every page of every section it lists."""

import re
from urllib.parse import urlsplit


def locations(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def sitemap_text(client):
    """The index and each section page it lists, as one text."""
    sections = locations(client, "/sitemap.xml")
    texts = list(sections)
    for url in sections:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        texts += locations(client, path)
    return "\n".join(f"<loc>{text}</loc>" for text in texts)
