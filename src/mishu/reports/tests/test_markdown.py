"""Seed numbering becomes headings; everything else stays text."""

from mishu.reports.rendering.markdown import heading_level, promote_headings


def test_heading_levels_follow_the_seed_numbering():
    assert heading_level("壹、108 年下半年重要業務執行成果") == 1
    assert heading_level("一、事務管理及研考業務") == 2
    assert heading_level("(一)推動節約能源措施") == 3
    assert heading_level("（二）財物、勞務及工程採購") == 3
    assert heading_level("2.提升本處文書處理品質執行情形") == 4
    assert heading_level("(1)本期計發行 6 期公文時效管制宣導電子期刊") is None
    assert heading_level("1.節電部分：本期總用電量 1,151 萬 9,200 度。") is None
    assert heading_level("108 年 7 月 1 日") is None


def test_only_standalone_lines_are_promoted():
    text = "壹、成果\n\n一、事務\n接續的文字\n\n## 二、已是標題\n"
    assert promote_headings(text) == "# 壹、成果\n\n一、事務\n接續的文字\n\n## 二、已是標題\n"
