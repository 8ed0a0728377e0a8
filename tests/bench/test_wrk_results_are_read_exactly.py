import pytest

from bench.wrk import WrkError, parse_wrk_output

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:41234
  2 threads and 32 connections
  Latency Distribution
     50%    9.80ms
     99%   20.00ms
  31710 requests in 10.01s, 40.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
Requests/sec:   3168.00
WRK_JSON {"requests": 31710, "duration_us": 10010000, "bytes": 41943040, \
"latency_us": {"p50": 9801, "p99": 20004, "max": 30000, "mean": 10120.5}, \
"errors": {"connect": 0, "read": 2, "write": 0, "timeout": 3, "status": 0}, \
"status": {"1xx": 0, "2xx": 31700, "3xx": 0, "4xx": 4, "5xx": 6}, "tallied": TALLIED}
"""


def test_the_result_line_gives_throughput_latency_and_errors():
    result = parse_wrk_output(WRK_OUTPUT.replace("TALLIED", "true"))

    assert result.requests == 31710
    assert result.requests_per_second == pytest.approx(3167.8, abs=0.1)
    assert result.p50_ms == pytest.approx(9.801)
    assert result.p99_ms == pytest.approx(20.004)
    assert result.socket_errors == 5
    assert result.status["5xx"] == 6
    assert result.as_dict()["requests_per_second"] == 3167.8


def test_status_counts_are_left_out_when_the_script_did_not_tally_them():
    assert parse_wrk_output(WRK_OUTPUT.replace("TALLIED", "false")).status == {}


def test_output_without_a_result_line_is_an_error_that_shows_the_output():
    with pytest.raises(WrkError, match="unable to connect to 127.0.0.1:1"):
        parse_wrk_output("unable to connect to 127.0.0.1:1 Connection refused\n")
