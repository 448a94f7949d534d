import io, time
from django.core.management import call_command
from mishu.reports.rendering import build
from mishu.reports import consistency

def test_timing(db):
    call_command("loaddemo", stdout=io.StringIO())
    for fmt in ("html", "odt", "docx", "pdf"):
        t = time.perf_counter(); b = build("108H2", fmt); dt = time.perf_counter() - t
        print(f"\nDEMO {fmt}: {dt:.2f}s {len(b.content):,} bytes missing={len(b.missing)} snapshot={b.from_snapshot}")
        open(f"/tmp/demo.{fmt}", "wb").write(b.content)
    print([str(m) for m in b.missing][:10])
    print("FINDINGS", [str(f) for f in consistency.check(b.markdown, b.period)])
    open("/tmp/demo.md", "w").write(b.markdown)
