"""Pages of the KPIs: the dashboard and the strategy map's administration."""

from .dashboard import DashboardView

__all__ = ["DashboardView"]
