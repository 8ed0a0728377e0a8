"""``make faulttest``'s full disk: the papers folder on a small tmpfs that fills up
while a Board secretary uploads batches of papers, signed in as staff are (password,
then an authenticator code).

``PapersDisk`` mounts the tmpfs before the server starts (the server's
``MEETINGS_PRIVATE_ROOT`` from the start) and unmounts it afterwards; where mounting
is impossible it says why. ``fill_with_papers`` uploads until the disk is full and
judges what is left: the refusal in words, no ``.partial`` file, every file on the
disk a row's with the row's size, every row's file on the disk.
"""

import json
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import requests
from django_otp.oath import totp

TMPFS_SIZE = "3m"
FILES_PER_BATCH = 4
MOST_BATCHES = 20
SECRETARY = "faulttest-secretary"
REFUSAL = ("could not be stored", "Nothing was saved")

EDITOR_SETUP = """
import json, os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from meetings.models import Meeting

user, _ = get_user_model().objects.get_or_create(username=os.environ["FT_USERNAME"])
user.email = "faulttest-secretary@nelep.test"
user.is_active = True
user.set_password(os.environ["FT_PASSWORD"])
user.save()
user.groups.set([Group.objects.get(name="Board secretaries")])
TOTPDevice.objects.filter(user=user).delete()
device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
meeting = Meeting.objects.order_by("pk").first()
print(json.dumps({"key": device.key, "meeting": meeting.pk}))
"""


class PapersDisk:
    """A small tmpfs for the papers folder, or the reason there cannot be one."""

    def __init__(self, folder):
        self.path = Path(folder) / "papers"
        self.mounted = False
        self.why_not = ""

    def mount(self):
        self.path.mkdir(exist_ok=True)
        command = ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700"]
        try:
            result = subprocess.run(
                [*command, "tmpfs", str(self.path)], capture_output=True, text=True
            )
        except FileNotFoundError:
            self.why_not = "there is no mount command on this machine"
            return
        if result.returncode:
            self.why_not = (
                f"cannot mount a {TMPFS_SIZE}B tmpfs (it needs root): "
                f"{result.stderr.strip() or 'mount failed'}"
            )
            return
        self.mounted = True

    def unmount(self):
        if not self.mounted:
            return
        result = subprocess.run(["umount", str(self.path)], capture_output=True)
        if result.returncode:
            subprocess.run(["umount", "--lazy", str(self.path)], check=False)
        self.mounted = False


@dataclass
class Editor:
    username: str
    password: str
    key: str
    meeting: int


def create_editor(env, root):
    """A Board secretary with a known password and authenticator app."""
    password = secrets.token_urlsafe(24)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", EDITOR_SETUP],
        env={**env, "FT_USERNAME": SECRETARY, "FT_PASSWORD": password},
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    created = json.loads(result.stdout.strip().splitlines()[-1])
    return Editor(SECRETARY, password, created["key"], created["meeting"])


class AdminSession:
    """A browser's session in the admin over the test's plain HTTP: the server is
    told it is behind HTTPS, so its cookies are Secure and are kept here by hand."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies = {}

    def send(self, method, path, data=None, files=None):
        response = requests.request(
            method,
            self.base + path,
            data=data,
            files=files,
            headers={
                "X-Forwarded-Proto": "https",
                "Origin": self.origin,
                "Referer": self.origin + path,
                "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            },
            allow_redirects=False,
            timeout=120,
        )
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def post(self, path, data, files=None):
        data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.send("POST", path, data, files)

    def follow(self, response):
        while response.is_redirect:
            response = self.send("GET", response.headers["Location"])
        return response

    def sign_in(self, editor):
        self.send("GET", "/admin/login/")
        signed_in = self.post(
            "/admin/login/",
            {
                "username": editor.username,
                "password": editor.password,
                "next": "/admin/",
            },
        )
        code_page = self.follow(signed_in)
        if "/two-factor/verify/" not in code_page.url:
            raise RuntimeError(f"signing in led to {code_page.url}, not the code page")
        code = f"{totp(bytes.fromhex(editor.key), step=30, t0=0, digits=6):06d}"
        verified = self.post(
            "/admin/two-factor/verify/?next=/admin/", {"code": code, "next": "/admin/"}
        )
        if verified.status_code != 302 or "two-factor" in verified.headers["Location"]:
            raise RuntimeError(f"the code was not accepted ({verified.status_code})")


@dataclass
class DiskFindings:
    batches_stored: int = 0
    files_stored: int = 0
    refusal: str = "none"
    files_on_disk: int = 0
    problems: list = field(default_factory=list)


def paper(batch, number):
    """A CSV paper of 120–170 KB, a different size each time."""
    rows = 4000 + 350 * ((batch * FILES_PER_BATCH + number) % 5)
    lines = ["item,funding,region"] + [
        f"Item {batch}.{number}.{row},{row * 37 % 100000},North East"
        for row in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def fill_with_papers(port, editor, papers, rows_since):
    """Upload batches of papers until the disk is full; judge what is left.

    ``rows_since()`` gives ``{file name: size}`` of the paper rows added since the
    fault began, documents and earlier versions alike.
    """
    findings = DiskFindings()
    session = AdminSession(port)
    session.sign_in(editor)
    path = f"/admin/meetings/meeting/{editor.meeting}/documents/"
    for batch in range(MOST_BATCHES):
        files = [
            ("files", (f"faulttest-{batch}-{n}.csv", paper(batch, n), "text/csv"))
            for n in range(FILES_PER_BATCH)
        ]
        response = session.post(path, {"upload": "1"}, files)
        if response.status_code == 302:
            findings.batches_stored += 1
            findings.files_stored += FILES_PER_BATCH
            continue
        body = response.text
        if response.status_code == 200 and all(words in body for words in REFUSAL):
            findings.refusal = "200 “could not be stored … Nothing was saved”"
        else:
            findings.refusal = f"{response.status_code} without the refusal"
            findings.problems.append(
                f"the upload that met the full disk answered {response.status_code} "
                "without “could not be stored … Nothing was saved”"
            )
        break
    else:
        findings.problems.append(f"the disk never filled in {MOST_BATCHES} batches")
    _judge_disk(findings, papers.path, rows_since())
    return findings


def _judge_disk(findings, root, rows):
    on_disk = {}
    for file in root.rglob("*"):
        if file.is_file():
            on_disk[file.relative_to(root).as_posix()] = file.stat().st_size
    findings.files_on_disk = len(on_disk)
    for name, size in sorted(on_disk.items()):
        if name.endswith(".partial") or os.path.basename(name).startswith("."):
            findings.problems.append(f"temporary file left: {name} ({size} bytes)")
        elif name not in rows:
            findings.problems.append(f"file of no row: {name} ({size} bytes)")
        elif rows[name] != size:
            findings.problems.append(
                f"{name} is {size} bytes, its row says {rows[name]}"
            )
    for name in sorted(set(rows) - set(on_disk)):
        findings.problems.append(f"row points at a missing file: {name}")
    if len(rows) != findings.files_stored:
        findings.problems.append(
            f"{len(rows)} rows added, {findings.files_stored} files reported stored"
        )
