"""Bulk data for benchmarks, added by `manage.py generate_bulk_data`."""
