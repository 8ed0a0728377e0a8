"""Keeping what the public sees until it changes: one content version for every cache.

``changes`` holds the version and the registry of what changes public content;
``page_cache`` keeps whole anonymous responses under it; ``cdn`` tells a CDN which
URLs to drop; ``routing`` keeps the site and each page's route.
"""
