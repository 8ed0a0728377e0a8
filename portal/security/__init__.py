"""What keeps the portal and its visitors safe.

Response headers, refusing unreadable requests, sign-in lockouts and two-factor
authentication, rate limits, checks on uploaded files, rich text cleaned before it is
shown, spreadsheet cells made inert, and the groups (roles) and permission policies
that give each kind of staff only what their job needs.
"""
