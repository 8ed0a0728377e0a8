"""Two-factor authentication for the admin: a time-based code (TOTP) from an app.

With ``PORTAL_REQUIRE_2FA`` on (production's default), an admin user who has signed in
with a password must also enter a code before any other admin page: the middleware
sends them to enter one, or to add an authenticator app first if they have none.
"""
