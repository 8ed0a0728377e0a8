"""Importing rounds, projects and Enterprise Zone sites from CSV.

Used by ``manage.py import_funding`` and by the admin's upload page. A file is checked
whole before anything is written: every bad cell is reported with its line, column and
reason, and if there is any, nothing changes. Rows are matched on a stable identifier
(``identifier``, or ``slug`` for sites), so importing a file twice changes nothing.
Imported records are saved as drafts or published, as the editor chooses.

Each importer's ``columns`` are the one description of the file: the reading, the
admin page's list of columns and the template file all come from them.
"""

import csv
import datetime
import functools
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst, slugify
from wagtail.log_actions import registry
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from portal.caching import cdn, changes
from portal.security.spreadsheets import unescape_cell

from .models import EnterpriseZoneSite, Fund, FundedProject, FundRound, Source

MAX_ROWS = 200_000
BATCH_ROWS = 1_000
MAX_ERRORS_KEPT = 500
PREVIEW_ROWS = 50
KNOWN_FUNDS_SHOWN = 20
AMOUNT = re.compile(r"^£?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
URL_VALIDATOR = URLValidator()
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


class CellError(ValueError):
    pass


@dataclass
class RowError:
    line: int
    column: str
    reason: str

    def __str__(self):
        where = f", column “{self.column}”" if self.column else ""
        return f"Line {self.line}{where}: {self.reason}"


@dataclass
class ImportReport:
    kind: str
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    errors: list = field(default_factory=list)
    error_count: int = 0
    rows_done: int = 0
    writing: bool = False
    warnings: list = field(default_factory=list)
    kept_columns: list = field(default_factory=list)
    applied: bool = False
    published: bool = True
    preview_headings: list = field(default_factory=list)
    preview: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.error_count

    @property
    def preview_is_partial(self):
        return len(self.preview) < len(self.created) + len(self.updated)

    @property
    def errors_not_listed(self):
        return self.error_count - len(self.errors)

    def summary(self):
        if self.error_count:
            listed = ""
            if self.errors_not_listed:
                listed = f" (the first {len(self.errors)} are listed)"
            return (
                f"{self.error_count} problem(s) found{listed}: nothing was imported. "
                "Correct the file and try again."
            )
        if not self.applied:
            verb = "would be imported (dry run)"
        elif self.published:
            verb = "imported and published"
        else:
            verb = "imported as drafts"
        summary = (
            f"{self.kind.capitalize()} {verb}: {len(self.created)} new, "
            f"{len(self.updated)} changed, {self.unchanged} unchanged."
        )
        if self.applied and not self.published and (self.created or self.updated):
            summary += " Nothing is public until each is published."
        return summary


@dataclass
class PreviewRow:
    """One row of the file as the preview shows it: what happens, and to what."""

    line: int
    action: str
    key: str
    cells: list
    changes: list = field(default_factory=list)


# Cell parsers: each returns the Python value or raises CellError with the reason.


def text(max_length):
    def parse(value):
        if len(value) > max_length:
            raise CellError(f"longer than {max_length} characters")
        return value

    parse.format = f"Text, at most {max_length:,} characters"
    return parse


def identifier(value):
    if not SLUG.match(value) or len(value) > 100:
        raise CellError(
            f"“{value}” is not an identifier: use letters, digits, hyphens and "
            "underscores only (at most 100)"
        )
    return value


identifier.format = "Letters, digits, hyphens and underscores (at most 100): keep it"


def money(value):
    if not AMOUNT.match(value):
        raise CellError(
            f"“{value}” is not an amount in pounds: write it like 4440736 or "
            "£4,440,736.00"
        )
    return Decimal(value.lstrip("£").replace(",", ""))


money.format = "An amount in pounds, like 4440736 or £4,440,736.00"


def hectares(value):
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(f"“{value}” is not a number of hectares, e.g. 7.1") from None
    if not number.is_finite() or number < 0:
        raise CellError(f"“{value}” is not a number of hectares, e.g. 7.1")
    return number


hectares.format = "A number of hectares, like 7.1"


def coordinate(limit, name):
    def parse(value):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise CellError(f"“{value}” is not a {name}, e.g. 54.97") from None
        if not number.is_finite() or not -limit <= number <= limit:
            raise CellError(
                f"{name} {value} is out of range: it must be between -{limit} and "
                f"{limit}"
            )
        return number.quantize(Decimal("0.00001"))

    parse.format = f"A {name} in decimal degrees, from -{limit} to {limit}"
    return parse


def date(value):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CellError(f"“{value}” is not a date: write it as 2024-03-31 or 31/03/2024")


date.format = "A date, as 2024-03-31 or 31/03/2024"


def choice(choices):
    lookup = {}
    for value, label in choices:
        lookup[str(value).lower()] = value
        lookup[str(label).lower()] = value

    def parse(value):
        try:
            return lookup[value.lower()]
        except KeyError:
            allowed = ", ".join(str(label) for _, label in choices)
            raise CellError(f"“{value}” is not one of: {allowed}") from None

    parse.format = "One of: " + ", ".join(str(label) for _, label in choices)
    return parse


def yes_no(value):
    lowered = value.lower()
    if lowered in {"yes", "y", "true", "1"}:
        return True
    if lowered in {"no", "n", "false", "0"}:
        return False
    raise CellError(f"“{value}” is not yes or no")


yes_no.format = "yes or no"


@dataclass
class Column:
    """A column the import reads: the field it fills, how, and how to write it."""

    field: str
    parse: object
    required: bool = False
    default: object = None
    example: str = ""
    format: str = ""

    def __post_init__(self):
        self.format = self.format or getattr(self.parse, "format", "")
        if self.default is not None:
            self.format += f" (if blank: {self.default_label()})"

    def default_label(self):
        label = getattr(self.default, "label", None)
        if label is not None:
            return label
        return {True: "yes", False: "no"}.get(self.default, str(self.default))


SOURCE_COLUMNS = {
    "source_title": Column(
        "title",
        text(255),
        required=True,
        format="Where the figures were found: the page's title",
        example="northeast-ca.gov.uk/projects/local-growth-fund",
    ),
    "source_url": Column(
        "url",
        text(500),
        format="The source's web address",
        example="https://northeast-ca.gov.uk/projects/local-growth-fund",
    ),
    "source_accessed": Column(
        "date_accessed",
        date,
        format="When the source was last checked, as 2024-03-31 or 31/03/2024",
        example="2026-11-01",
    ),
}
FUND_FORMAT = "The fund's slug (Funding › Funds, Slug column) or its name"


def fund_lookup():
    funds = {}
    for fund in Fund.objects.all():
        funds[fund.slug.lower()] = fund
        funds[fund.name.lower()] = fund
    return funds


def resolve_fund(importer, line, values, funds):
    """Replace the row's fund name or slug by the fund, or report it unknown."""
    name = values.get("fund")
    if name is None:
        return None
    fund = funds.get(name.lower())
    if fund is None:
        importer.error(line, "fund", unknown_fund(name, funds))
    values["fund"] = fund
    return fund


def unknown_fund(name, funds):
    slugs = sorted({fund.slug for fund in funds.values()})
    if not slugs:
        return (
            f"unknown fund “{name}”: there are no funds yet; add one under "
            "Funding › Funds"
        )
    known = ", ".join(slugs[:KNOWN_FUNDS_SHOWN])
    if len(slugs) > KNOWN_FUNDS_SHOWN:
        known += f" and {len(slugs) - KNOWN_FUNDS_SHOWN} more"
    return (
        f"unknown fund “{name}”: use a fund's slug or name, as listed under "
        f"Funding › Funds. The funds' slugs are: {known}"
    )


def web_address(text):
    try:
        URL_VALIDATOR(text)
    except ValidationError:
        return False
    return True


def line_of(data, offset):
    """The line (from 1) holding byte ``offset``, whatever the line endings."""
    return len((data[:offset] + b"x").splitlines())


def lines(text):
    """The lines of ``text`` one at a time, each with its ending (\r\n, \r or \n):
    what the csv module reads, without a copy of the whole file."""
    for match in LINE.finditer(text):
        yield match.group()


def in_region(latitude, longitude):
    region = settings.FUNDING_REGION
    return (
        region["south"] <= latitude <= region["north"]
        and region["west"] <= longitude <= region["east"]
    )


class Importer:
    model = None
    kind = ""
    key = "identifier"
    columns = {}
    preview_fields = []

    @classmethod
    def all_columns(cls):
        """Every column the file may have, by name, in the template's order."""
        return {**cls.columns, **SOURCE_COLUMNS}

    @classmethod
    def template_csv(cls):
        """A file with the column names only, ready to fill in."""
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(cls.all_columns())
        return out.getvalue()

    def __init__(self):
        self.report = ImportReport(self.kind)
        self.sources = {(s.title, s.url): s for s in Source.objects.all()}
        self.seen = {}  # Each identifier's first line, to find duplicates.
        self._funds = None

    def funds(self):
        if self._funds is None:
            self._funds = fund_lookup()
        return self._funds

    # Reading

    def read(self, data):
        """The file's rows, one at a time, as ``(line, {column: cell})``.

        Problems with the file as a whole (encoding, the first line) are reported
        before the first row; the rows are read as they are asked for, so a large
        file is never held as Python objects all at once.
        """
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                self.error(
                    line_of(data, error.start),
                    "",
                    "the file is not UTF-8 text (the first character that is not is "
                    "on this line): save it as “CSV UTF-8”",
                )
                return
        if "\0" in data:
            # No text field may hold one (PostgreSQL refuses them): it is not a CSV.
            self.error(
                1,
                "",
                "the file contains NUL characters, so it is not a CSV text "
                "file: export it from the spreadsheet again as “CSV UTF-8”",
            )
            return
        data = data.lstrip("\ufeff")
        wanted = self.all_columns()
        separator = self.separator(data, wanted)
        reader = csv.reader(lines(data), delimiter=separator)
        try:
            header = [self.column_name(name, wanted) for name in next(reader, [])]
        except csv.Error as error:
            self.error(1, "", f"the CSV cannot be read: {error}")
            return
        if not any(header):
            self.error(1, "", "the file is empty: the first line must name the columns")
            return
        missing = [name for name, col in wanted.items() if col.required]
        missing = [name for name in missing if name not in header]
        for name in missing:
            self.error(1, name, "this column is missing from the first line")
        if missing and separator == "," and len(header) == 1:
            self.error(1, "", self.separator_hint(header[0]))
        for name in header:
            if not name:
                self.error(1, "", self.unknown_column(name))
            elif name not in wanted:
                self.warn(1, name, self.unknown_column(name))
        for name in sorted({name for name in header if header.count(name) > 1}):
            self.error(1, name, "this column is named twice in the first line")
        if self.report.error_count:
            return
        self.report.kept_columns = [name for name in wanted if name not in header]
        try:
            for cells in reader:
                if reader.line_num > MAX_ROWS + 1:
                    self.error(reader.line_num, "", f"more than {MAX_ROWS} rows")
                    return
                if len(cells) > len(header):
                    self.error(
                        reader.line_num,
                        "",
                        f"this row has {len(cells)} cells but the "
                        f"first line names {len(header)} columns: put a value that "
                        'contains a comma in double quotes, e.g. "£1,250"',
                    )
                elif any(value.strip() for value in cells):
                    cells += [""] * (len(header) - len(cells))
                    yield reader.line_num, dict(zip(header, cells, strict=True))
        except csv.Error as error:
            self.error(reader.line_num, "", f"the CSV cannot be read: {error}")

    @staticmethod
    def column_name(name, wanted):
        """The column a heading names, whatever its case, spacing or underscores."""
        normal = re.sub(r"[\s_-]+", "_", name.strip().lstrip("\ufeff").lower())
        return normal if normal in wanted else name.strip()

    @classmethod
    def separator(cls, data, wanted):
        """The separator under which the first line names the most known columns."""
        first = next(lines(data), "").rstrip("\r\n")

        def known(separator):
            names = [cls.column_name(n, wanted) for n in first.split(separator)]
            return sum(name in wanted for name in names)

        return max(SEPARATORS, key=known)  # On a tie, the first: a comma.

    @staticmethod
    def separator_hint(heading):
        for separator, name in SEPARATORS.items():
            if separator in heading:
                return (
                    f"the first line is one column: its names seem separated by "
                    f"a {name}, which this file's other names do not match. Save "
                    "the file as “CSV UTF-8 (comma delimited)”"
                )
        return "the first line is one column: separate the names with commas"

    def unknown_column(self, name):
        if not name:
            return (
                "a column has no name in the first line: name it, or delete the "
                "empty column"
            )
        return (
            "this import does not read a column of that name, so it is left out: "
            "check its spelling against the list of columns on the import page. "
            f"The {self.kind} columns are: " + ", ".join(self.all_columns())
        )

    def error(self, line, column, reason):
        # Every problem is counted; the first few hundred are kept to list.
        self.report.error_count += 1
        if len(self.report.errors) < MAX_ERRORS_KEPT:
            self.report.errors.append(RowError(line, column, reason))

    def warn(self, line, column, reason):
        self.report.warnings.append(RowError(line, column, reason))

    def parse(self, line, row, columns, model=None):
        model = model or self.model
        values = {}
        for name, column in columns.items():
            if name not in row and model is self.model:
                continue  # A column left out keeps what is saved; a new row's default.
            raw = unescape_cell((row.get(name) or "").strip())
            if raw:
                try:
                    values[column.field] = column.parse(raw)
                except CellError as error:
                    self.error(line, name, str(error))
            elif column.required:
                self.error(line, name, "this cell is empty but is required")
            elif column.default is not None:
                values[column.field] = column.default
            else:
                values[column.field] = (
                    None if model._meta.get_field(column.field).null else ""
                )
        return values

    # Checking

    def references(self, rows):
        return {}

    def resolve(self, line, row, values, references):
        return values

    def existing(self, keys):
        return self.model.objects.select_related("source").in_bulk(
            list(keys), field_name=self.key
        )

    def validate(self, line, values):
        """The model's own validation (ranges, dates in order) on the row's values."""
        candidate = self.model(**values)
        # Only the row's own fields: a column left out keeps a value already checked.
        exclude = [
            f.name
            for f in self.model._meta.fields
            if f.is_relation or f.name not in values
        ]
        try:
            candidate.full_clean(
                exclude=exclude, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            by_field = {col.field: name for name, col in self.columns.items()}
            for field_name, messages in error.message_dict.items():
                column = "" if field_name == NON_FIELD_ERRORS else field_name
                for message in messages:
                    self.error(line, by_field.get(column, column), message)

    def check_place(self, line, values):
        """Coordinates must fall in the region; swapped ones are named as such."""
        latitude, longitude = values.get("latitude"), values.get("longitude")
        if latitude is None or longitude is None:
            return
        if in_region(latitude, longitude):
            return
        region = settings.FUNDING_REGION
        if in_region(longitude, latitude):
            reason = (
                f"latitude {latitude} and longitude {longitude} seem swapped: in "
                f"{region['name']} the latitude is about 55 and the longitude about "
                "-1.6"
            )
        else:
            reason = (
                f"latitude {latitude}, longitude {longitude} is outside "
                f"{region['name']} (latitude {region['south']} to {region['north']}, "
                f"longitude {region['west']} to {region['east']}): check the "
                "coordinates"
            )
        self.error(line, "latitude", reason)

    def check(self, rows):
        references = self.references(rows)
        checked, seen = [], self.seen
        is_url = functools.cache(web_address)  # Most rows share a few sources.
        for line, row in rows:
            errors_before = self.report.error_count
            values = self.parse(line, row, self.columns)
            source = self.parse(line, row, SOURCE_COLUMNS, Source)
            if source.get("url") and not is_url(source["url"]):
                self.error(line, "source_url", "this is not a web address")
            values = self.resolve(line, row, values, references)
            key = values.get(self.key)
            if key in seen:
                self.error(
                    line,
                    self.key,
                    f"duplicate identifier “{key}”: it is also on line {seen[key]}",
                )
            elif key:
                seen[key] = line
            if self.report.error_count == errors_before:
                self.check_place(line, values)
            if self.report.error_count == errors_before:
                self.validate(line, values)
            if self.report.error_count == errors_before:
                checked.append((line, values, source))
        return checked

    # Writing

    def source_for(self, source):
        found = self.sources.get((source["title"], source["url"]))
        if found is None:
            found = Source.objects.create(**source)
            self.sources[(found.title, found.url)] = found
        elif source.get("date_accessed") and (
            found.date_accessed != source["date_accessed"]
        ):
            found.date_accessed = source["date_accessed"]
            found.save(update_fields=["date_accessed"])
        return found

    def compared_with(self, obj):
        """The version a row is compared with: the draft, when drafts are saved."""
        if not self.publish and obj.live and obj.has_unpublished_changes:
            return obj.get_latest_revision_as_object()
        return obj

    def changed_fields(self, obj, values, source):
        changed = []
        for name, value in values.items():
            field = self.model._meta.get_field(name)
            if field.is_relation:
                # By key: loading each row's related record would cost a query a row.
                if getattr(obj, field.attname) != getattr(value, "pk", None):
                    changed.append(name)
            elif getattr(obj, name) != value:
                changed.append(name)
        accessed = source.get("date_accessed")
        if (obj.source.title, obj.source.url) != (source["title"], source["url"]) or (
            accessed and obj.source.date_accessed != accessed
        ):
            changed.append("source")
        return changed

    def differs(self, obj, values, source):
        if self.publish and not obj.live:
            return True
        return bool(self.changed_fields(self.compared_with(obj), values, source))

    def show(self, record, name):
        """A field's value as an editor reads it: labels, not codes; pounds."""
        model_field = self.model._meta.get_field(name)
        value = getattr(record, name)
        if value in (None, ""):
            return "—"
        if model_field.choices:
            return record._get_FIELD_display(model_field)
        if name in self.columns and self.columns[name].parse is money:
            return f"£{value:,.2f}"
        return str(value)

    def describe(self, line, values, source, obj=None):
        """The row as the preview lists it: the fields an editor recognises it by,
        and for a record that exists, what the file changes in it."""
        candidate = self.model(**values)
        cells = [self.show(candidate, name) for name in self.preview_fields]
        if obj is None:
            return PreviewRow(line, "New", values[self.key], cells)
        current = self.compared_with(obj)
        changes = []
        for name in self.changed_fields(current, values, source):
            label = capfirst(self.model._meta.get_field(name).verbose_name)
            if name == "source":
                changes.append(f"{label}: {current.source} → {source['title']}")
            else:
                before, after = self.show(current, name), self.show(candidate, name)
                changes.append(f"{label}: {before} → {after}")
        if not changes:
            changes.append("Published (it is a draft now)")
        return PreviewRow(line, "Changed", values[self.key], cells, changes)

    def run(self, data, dry_run=False, user=None, publish=True, progress=None):
        """Check the whole file, then unless ``dry_run`` apply it in one transaction.

        Both passes read the file a batch of rows at a time (``BATCH_ROWS``), so
        memory stays flat however long the file is: the check keeps only each
        identifier's line, and the writing pass reads and checks the file again.
        ``progress(report)`` is called after each batch.
        """
        self.user = user
        self.publish = publish
        self.progress = progress or (lambda report: None)
        self.report.published = publish
        self.report.preview_headings = [
            capfirst(self.model._meta.get_field(name).verbose_name)
            for name in self.preview_fields
        ]
        for _batch in self.checked_batches(data, dry_run=True):
            pass
        if self.report.error_count:
            return self.report
        if not self.report.rows_done:
            self.error(2, "", "the file has no rows after the first line")
            return self.report
        if dry_run:
            return self.report
        counted = len(self.report.created), len(self.report.updated)
        self.seen = {}
        self.report.warnings = []  # The second reading finds them again.
        self.report.rows_done = self.report.unchanged = 0
        self.report.writing = True
        self.report.created, self.report.updated = [], []
        # One change for the whole file: the cache and CDN are cleared once, at the
        # end; one transaction, so a failure anywhere leaves everything as it was.
        with changes.one_change(), transaction.atomic():
            for _batch in self.checked_batches(data, dry_run=False):
                pass
            if self.report.error_count:
                # The data changed between the check and the writing (a fund was
                # deleted meanwhile): undo the rows written so far.
                transaction.set_rollback(True)
                return self.report
        assert counted == (len(self.report.created), len(self.report.updated))
        self.report.applied = True
        return self.report

    def checked_batches(self, data, dry_run):
        batch = []
        for row in self.read(data):
            batch.append(row)
            if len(batch) == BATCH_ROWS:
                yield self.handle_batch(batch, dry_run)
                batch = []
        if batch:
            yield self.handle_batch(batch, dry_run)

    def handle_batch(self, rows, dry_run):
        checked = self.check(rows)
        self.report.rows_done += len(rows)
        if self.report.error_count:
            # Go on checking, to list every problem, but compare nothing more.
            self.progress(self.report)
            return
        existing = self.existing(values[self.key] for _, values, _ in checked)
        new, changed = [], []
        for line, values, source in checked:
            obj = existing.get(values[self.key])
            if obj is None:
                self.report.created.append(values[self.key])
                if dry_run:
                    self.add_to_preview(line, values, source)
                new.append((values, source))
            elif self.differs(obj, values, source):
                self.report.updated.append(values[self.key])
                if dry_run:
                    self.add_to_preview(line, values, source, obj)
                changed.append((obj, values, source))
            else:
                self.report.unchanged += 1
        if not dry_run:
            self.create_all(new)
            self.update_all(changed)
        self.progress(self.report)

    def add_to_preview(self, line, values, source, obj=None):
        if len(self.report.preview) < PREVIEW_ROWS:
            self.report.preview.append(self.describe(line, values, source, obj))

    def create_all(self, rows):
        """Insert a batch of new records at once, with their history and search
        entries (a bulk insert sends no signals)."""
        objs = []
        for values, source in rows:
            obj = self.model(**values, source=self.source_for(source))
            if self.publish:
                self.mark_published(obj)
            else:
                obj.live = False
                obj.has_unpublished_changes = True
            if hasattr(obj, "slug") and not obj.slug:
                obj.slug = slugify(obj.name)[:160]
            objs.append(obj)
        self.model.objects.bulk_create(objs)
        actions = [("wagtail.create", {"via": "CSV import"})]
        if self.publish:
            actions.append(("wagtail.publish", {}))
        self.saved(objs, actions)

    def update_all(self, rows):
        plain, revisions = [], []
        for obj, values, source in rows:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.source = self.source_for(source)
            if self.publish:
                self.mark_published(obj)
                plain.append(obj)
            elif obj.live:
                revisions.append(obj)
            else:
                obj.has_unpublished_changes = True
                plain.append(obj)
        if plain:
            fields = [
                f
                for f in self.model._meta.concrete_fields
                if not f.primary_key and f.name != "latest_revision"
            ]
            # One plain UPDATE a row: bulk_update's CASE expressions take Django
            # about 15 times as long to build as these take to run.
            for obj in plain:
                for f in fields:
                    if getattr(f, "auto_now", False):
                        setattr(obj, f.attname, timezone.now())
                self.model.objects.filter(pk=obj.pk).update(
                    **{f.attname: getattr(obj, f.attname) for f in fields}
                )
            actions = [("wagtail.edit", {"via": "CSV import"})]
            if self.publish:
                actions.append(("wagtail.publish", {}))
            self.saved(plain, actions)
        for obj in revisions:
            # The public keeps seeing the published version until someone publishes.
            obj.save_revision(user=self.user, log_action=True)

    def saved(self, objs, actions):
        """What a save would have done for each of ``objs``: its history, its
        search entry, and the caches and CDN told."""
        log_model = registry.get_log_model_for_model(self.model)
        content_type = ContentType.objects.get_for_model(self.model)
        now = timezone.now()
        log_model.objects.bulk_create(
            log_model(
                content_type=content_type,
                label=str(obj)[:255],
                action=action,
                timestamp=now,
                data=data,
                user=self.user,
                object_id=str(obj.pk),
            )
            for obj in objs
            for action, data in actions
        )
        if index.class_is_indexed(self.model):
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(self.model, objs)
        changes.public_content_changed()
        cdn.purge_after_commit(
            set().union(*(cdn.urls_showing(obj) for obj in objs)) if objs else set()
        )

    def mark_published(self, obj):
        now = timezone.now()
        obj.live = True
        obj.has_unpublished_changes = False
        obj.first_published_at = obj.first_published_at or now
        obj.last_published_at = now


class RoundImporter(Importer):
    model = FundRound
    kind = "rounds"
    preview_fields = ["name", "fund", "amount_secured", "status"]
    columns = {
        "identifier": Column(
            "identifier", identifier, required=True, example="lgf-growth-deal-2014"
        ),
        "fund": Column(
            "fund",
            text(160),
            required=True,
            format=FUND_FORMAT,
            example="local-growth-fund",
        ),
        "name": Column("name", text(160), required=True, example="First Growth Deal"),
        "period": Column("period", text(40), example="2014"),
        "amount_secured": Column("amount_secured", money, example="289300000"),
        "status": Column(
            "status",
            choice(FundRound.Status.choices),
            example="Allocated",
        ),
        "date_announced": Column("date_announced", date),
    }

    def references(self, rows):
        return self.funds()

    def resolve(self, line, row, values, references):
        resolve_fund(self, line, values, references)
        return values


class ProjectImporter(Importer):
    model = FundedProject
    kind = "projects"
    preview_fields = ["title", "fund", "amount_awarded", "stage"]
    columns = {
        "identifier": Column(
            "identifier",
            identifier,
            required=True,
            example="lgf-northumberland-energy-park",
        ),
        "fund": Column(
            "fund",
            text(160),
            required=True,
            format=FUND_FORMAT,
            example="local-growth-fund",
        ),
        "round": Column(
            "round",
            identifier,
            format="A round's identifier (Funding › Rounds), or blank if not known",
            example="lgf-growth-deal-2014",
        ),
        "title": Column(
            "title", text(255), required=True, example="Northumberland Energy Park"
        ),
        "recipient": Column("recipient", text(200)),
        "recipient_identifier": Column(
            "recipient_identifier",
            text(100),
            format="The recipient's organisation identifier, like GB-COH-01234567, "
            "or blank if not known",
        ),
        "local_authority": Column(
            "local_authority",
            choice(EnterpriseZoneSite.local_authority.field.choices),
            example="Northumberland",
        ),
        "also_in_local_authority": Column(
            "also_in_local_authority",
            choice(EnterpriseZoneSite.local_authority.field.choices),
        ),
        "amount_awarded": Column(
            "amount_awarded", money, required=True, example="4440736"
        ),
        "total_cost": Column("total_cost", money),
        "stage": Column("stage", choice(FundedProject.Stage.choices)),
        "award_date": Column("award_date", date),
        "start_date": Column("start_date", date),
        "end_date": Column("end_date", date),
        "latitude": Column("latitude", coordinate(90, "latitude"), example="55.12700"),
        "longitude": Column(
            "longitude", coordinate(180, "longitude"), example="-1.50800"
        ),
        "description": Column("description", text(10_000)),
    }

    def references(self, rows):
        wanted = {(row.get("round") or "").strip() for _, row in rows}
        return {
            "funds": self.funds(),
            "rounds": FundRound.objects.in_bulk(
                [w for w in wanted if w], field_name="identifier"
            ),
        }

    def resolve(self, line, row, values, references):
        fund = resolve_fund(self, line, values, references["funds"])
        name = values.get("round")
        if name:
            round_ = references["rounds"].get(name)
            if round_ is None:
                self.error(
                    line,
                    "round",
                    f"unknown round “{name}”: import the rounds first, or use a "
                    "round identifier from rounds.csv",
                )
            elif fund is not None and round_.fund_id != fund.pk:
                self.error(line, "round", f"round “{name}” belongs to another fund")
            values["round"] = round_
        return values


class SiteImporter(Importer):
    model = EnterpriseZoneSite
    kind = "sites"
    key = "slug"
    preview_fields = ["name", "local_authority", "area_hectares"]
    columns = {
        "slug": Column(
            "slug",
            identifier,
            format="Letters, digits and hyphens; if blank, made from the name",
            example="tyne-dock-enterprise-park",
        ),
        "name": Column(
            "name", text(160), required=True, example="Tyne Dock Enterprise Park"
        ),
        "local_authority": Column(
            "local_authority",
            choice(EnterpriseZoneSite.local_authority.field.choices),
            required=True,
            example="South Tyneside",
        ),
        "also_in_local_authority": Column(
            "also_in_local_authority",
            choice(EnterpriseZoneSite.local_authority.field.choices),
        ),
        "place": Column("place", text(120)),
        "zone_round": Column(
            "zone_round", choice(EnterpriseZoneSite.ZoneRound.choices)
        ),
        "incentive": Column("incentive", choice(EnterpriseZoneSite.Incentive.choices)),
        "area_hectares": Column("area_hectares", hectares, example="7.1"),
        "sectors": Column("sectors", text(255)),
        "latitude": Column(
            "latitude", coordinate(90, "latitude"), required=True, example="54.99900"
        ),
        "longitude": Column(
            "longitude",
            coordinate(180, "longitude"),
            required=True,
            example="-1.43200",
        ),
        "location_is_approximate": Column(
            "location_is_approximate", yes_no, default=True, example="yes"
        ),
        "availability": Column("availability", text(255)),
        "description": Column("description", text(10_000)),
        "contact": Column("contact", text(255)),
    }

    def resolve(self, line, row, values, references):
        if not values.get("slug") and values.get("name"):
            values["slug"] = slugify(values["name"])[:160]
        return values


IMPORTERS = {
    "projects": ProjectImporter,
    "rounds": RoundImporter,
    "sites": SiteImporter,
}


def import_csv(data, kind, dry_run=False, user=None, publish=True, progress=None):
    """Check ``data`` (CSV text or bytes) and, unless ``dry_run``, apply it whole.

    Records are published, or with ``publish=False`` saved as drafts (a published
    record keeps its live version and gets the changes as a draft revision). Each
    record created or changed is recorded in its history as done by ``user``.
    """
    return IMPORTERS[kind]().run(
        data, dry_run=dry_run, user=user, publish=publish, progress=progress
    )
