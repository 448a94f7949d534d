"""Legacy app kept for its migrations only.

Until the layout split, one `facilities` app held both the venue bookings and the building's
records. Its migrations created the tables that `mishu.venues` and `mishu.building` now own; its
last migration hands the models over to those apps without touching the data. It has no models,
views or URLs (the old /facilities/ addresses redirect, see `mishu.urls`).
"""
