"""Write a large made-up projects CSV to time ``manage.py import_funding`` with.

    python -m bench.import_csv /tmp/projects.csv 100000

Every column the projects import reads is filled; the funds are the seed's. The rows
are examples, not data: run the import against a benchmark database only
(docs/benchmarks.md, "Large imports").
"""

import csv
import datetime
import random
import sys

FUNDS = ["local-growth-fund", "growing-places-fund", "getting-building-fund"]
AUTHORITIES = ["Gateshead", "Sunderland", "Northumberland", "County Durham"]
STAGES = ["Complete", "In progress", ""]
COLUMNS = [
    "identifier",
    "fund",
    "title",
    "recipient",
    "local_authority",
    "amount_awarded",
    "total_cost",
    "stage",
    "award_date",
    "latitude",
    "longitude",
    "description",
    "source_title",
    "source_url",
]


def write(path, rows, seed=1):
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for n in range(1, rows + 1):
            amount = rng.randrange(50_000, 20_000_000, 1_000)
            writer.writerow(
                [
                    f"example-{n}",
                    rng.choice(FUNDS),
                    f"Example project {n}",
                    "Example recipient",
                    rng.choice(AUTHORITIES),
                    amount,
                    amount * 2,
                    rng.choice(STAGES),
                    datetime.date(
                        rng.randint(2012, 2020), rng.randint(1, 12), rng.randint(1, 28)
                    ).isoformat(),
                    f"{rng.uniform(54.6, 55.3):.5f}",
                    f"{rng.uniform(-2.2, -1.3):.5f}",
                    "Example row written for the import benchmark: not a project.",
                    "Example benchmark source (not real)",
                    "https://example.org/benchmark",
                ]
            )


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]))
