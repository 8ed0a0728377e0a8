"""`make bench` and `make loadtest`: the portal's throughput in production mode.

`python -m bench.run bench` loads the seed data, then the bulk data, serves each with
gunicorn and measures a fixed set of public pages with wrk; `python -m bench.run
loadtest` puts 200 concurrent connections on those pages for a minute. See README.md.
"""
