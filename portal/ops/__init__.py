"""Running the site: backup and restore, the scheduler, seed content and bulk data.

Each domain app registers its part (its tables and file storages for backups, its
seed step, its bulk-data generator) from its ``AppConfig.ready``; the management
commands in ``portal/management/commands`` run them.
"""
