# The returns are read beside the register: the documents app's fixtures make its records.
from mishu.documents.tests.conftest import incoming, org  # noqa: F401
