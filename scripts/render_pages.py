"""Render the reference pages as GitHub would (markdown-it HTML in a GitHub-like 980 px column) in
headless Chromium, and report each page's height and every table wider than its column.

    python scripts/render_pages.py [--pages docs/reference] [--width 1280] [--screenshots DIR]

Needs markdown-it-py (test extras) and a Chromium (Debian: apt-get install chromium). A developer's
tool for looking at the pages; the tests check the same pages through the parser without a browser.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

CSS = """
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
       font-size: 16px; line-height: 1.5; margin: 0; }
main { box-sizing: border-box; max-width: 980px; margin: 0 auto; padding: 32px; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
td, th { padding: 6px 13px; border: 1px solid #d1d9e0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 85%; }
pre { overflow: auto; padding: 16px; background: #f6f8fa; }
"""

MEASURE = """
<script>
window.addEventListener('load', () => {
  const main = document.querySelector('main');
  const tables = [...document.querySelectorAll('table')].map((t, i) => ({
    i, width: t.scrollWidth, visible: t.clientWidth, head: t.rows[0] ? t.rows[0].innerText.slice(0, 80) : ''}));
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  const broken = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1))
                  .filter(id => !ids.has(decodeURIComponent(id)));
  const first = document.getElementById('errors-explained') || document.getElementById('errors-by-endpoint');
  const out = {height: document.documentElement.scrollHeight, column: main.clientWidth, tables, broken,
               explained: first ? first.getBoundingClientRect().top + window.scrollY : null};
  document.body.setAttribute('data-measure', JSON.stringify(out));
});
</script>
"""


def slug(text: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def to_html(markdown: str) -> str:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    body = parser.render(markdown)
    body = re.sub(r'href="([a-z0-9-]+)\.md(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    body = re.sub(
        r"<h([1-6])>(.*?)</h\1>",
        lambda m: f'<h{m.group(1)} id="{slug(html.unescape(re.sub("<[^>]+>", "", m.group(2))))}">{m.group(2)}</h{m.group(1)}>',
        body,
    )
    head = f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head>"
    return f"{head}<body><main>{body}</main>{MEASURE}</body></html>"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=Path("docs/reference"))
    ap.add_argument("--width", type=int, nargs="+", default=[1280, 800])
    ap.add_argument("--screenshots", type=Path)
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("no Chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted(args.pages.glob("*.md")):
            target = Path(tmp) / f"{page.stem}.html"
            target.write_text(to_html(page.read_text(encoding="utf-8")), encoding="utf-8")
        for width in args.width:
            print(f"## {width} px")
            for page in sorted(args.pages.glob("*.md")):
                target = Path(tmp) / f"{page.stem}.html"
                flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},1000"]
                dom = subprocess.run([*flags, "--dump-dom", target.as_uri()], capture_output=True, text=True, timeout=120).stdout
                m = re.search(r'data-measure="([^"]*)"', dom)
                if not m:
                    print(f"{page.name}: not measured")
                    continue
                data = json.loads(html.unescape(m.group(1)))
                wide = [t for t in data["tables"] if t["width"] > t["visible"]]
                widest = max((t["width"] for t in data["tables"]), default=0)
                print(
                    f"{page.name}: height {data['height']} px, column {data['column']} px, {len(data['tables'])} tables, "
                    f"widest {widest} px, {len(wide)} wider than the column, {len(data['broken'])} broken in-page links, "
                    f"explanations start at {data['explained']} px"
                )
                for t in wide:
                    print(f"    table {t['i']}: {t['width']} px > {t['visible']} px: {t['head']!r}")
                if args.screenshots:
                    args.screenshots.mkdir(parents=True, exist_ok=True)
                    shot = args.screenshots / f"{page.stem}-{width}.png"
                    subprocess.run([*flags, f"--screenshot={shot}", target.as_uri()], capture_output=True, timeout=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
