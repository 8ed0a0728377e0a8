"""`make bench` and `make loadtest`: the portal's throughput in production mode.

`python -m bench.run bench` serves the small data (the seed, and one full page of each
list) and the bulk data side by side with gunicorn and measures a fixed set of public
pages with wrk, each showing as many rows on both; `python -m bench.run
loadtest` puts 200 concurrent connections on those pages for a minute. See
docs/benchmarks.md.
"""
