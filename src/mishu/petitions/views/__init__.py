"""Petition pages: staff (cases, actions, personal data, statistics) and public (form, look-up)."""
