"""gunicorn hooks for ``make faulttest``: each request's start, end and status, one
JSON line each in ``FAULTTEST_REQUEST_LOG``, to tell requests in flight at a fault
from those after it."""

import json
import os
import time

REQUEST_LOG = os.environ.get("FAULTTEST_REQUEST_LOG")


def pre_request(worker, req):
    req.faulttest_started = time.time()


def post_request(worker, req, environ, resp):
    if not REQUEST_LOG or resp is None:
        return
    line = json.dumps(
        {
            "start": getattr(req, "faulttest_started", time.time()),
            "end": time.time(),
            "status": resp.status_code or 0,
            "path": req.path,
        }
    )
    # One write with O_APPEND: lines from every worker and thread stay whole.
    descriptor = os.open(REQUEST_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, (line + "\n").encode())
    finally:
        os.close(descriptor)
