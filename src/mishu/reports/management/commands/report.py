"""`mishu report 108H2 --format pdf --output report.pdf [--template 名稱] [--font kai]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mishu.reports.rendering import (
    FONTS,
    FORMATS,
    OutputError,
    ReportError,
    TemplateError,
    build,
)
from mishu.reports.rendering.marks import missing_once


class Command(BaseCommand):
    help = "Build the work report of a period (HTML, ODT, DOCX or PDF)."

    def add_arguments(self, parser):
        parser.add_argument("period", help="期別，例：108H2、108Q3、108-07、108")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, default="html")
        parser.add_argument("--output", "-o", help="輸出檔案（預設 report-<期別>.<格式>）")
        parser.add_argument("--template", help="範本名稱（預設為本期草稿；無草稿時為預設報告結構）")
        parser.add_argument(
            "--font", choices=FONTS, default="sans", help="內文字型：sans（黑體）或 kai（楷書）"
        )

    def handle(self, *args, period, fmt, output=None, template=None, font="sans", **options):
        try:
            built = build(period, fmt, template=template or None, font=font)
        except TemplateError as exc:
            raise CommandError(exc.message) from exc
        except (ReportError, OutputError) as exc:
            raise CommandError(str(exc)) from exc
        target = Path(output or f"report-{built.period.code}.{fmt}")
        try:
            target.write_bytes(built.content)
        except OSError as exc:
            raise CommandError(f"無法寫入「{target}」：{exc.strerror}") from exc
        source = "（依結算快照）" if built.from_snapshot else ""
        self.stdout.write(
            f"已產出 {built.period.label} 工作報告{source}：{target}（{len(built.content):,} 位元組）"
        )
        if built.missing:
            once = [m for m, _lines in missing_once(built.missing)]
            self.stderr.write(f"缺漏數值 {len(once)} 項：" + "、".join(str(m) for m in once))
