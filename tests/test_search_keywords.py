"""The glossary's terms in the search index and the search worker's term rule (issue 11).

The browser suite (tests/site/test_site_search.py) types every term into the real site; these
tests pin the two halves on small inputs: where a term's keywords go, and what the worker
patch does with a query that is a keyword (run in Node, as a worker runs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace

import pytest

from bookbuild.site.search import (
    KEYWORDS,
    WORKER_PATCH,
    add_keywords,
    defining_entry,
    install_worker,
    keywords_for,
)
from lossbook.glossary import Term

INCREMENT = Term(
    key="increment", en="increment", vi="số gia", chapter="01-optimization.md", definition_vi="…", definition_en="…"
)
DOCS = [
    {"location": "", "title": "Trang chủ", "text": "số gia ở đâu?"},
    {"location": "01-optimization/", "title": "Tối ưu", "text": "<p>Đạo hàm.</p>"},
    {"location": "01-optimization/#a", "title": "Nhanh", "text": "<p>Khi <em>số  gia</em> nhỏ; increments.</p>"},
    {"location": "01-optimization/#b", "title": "Số gia", "text": ""},
    {"location": "11-newton/#c", "title": "Giảm chấn", "text": "số gia"},
]


def test_the_keywords_go_to_the_first_section_of_the_chapter_that_names_the_term():
    assert defining_entry(DOCS, INCREMENT, "vi")["location"] == "01-optimization/#a"
    assert defining_entry(DOCS, INCREMENT, "en")["location"] == "01-optimization/#a"  # inflected
    assert keywords_for(INCREMENT, "vi") == ["số gia", "so gia", "increment"]
    assert keywords_for(INCREMENT, "en") == ["increment"]


def test_a_vietnamese_syllable_is_not_a_prefix():
    fast = replace(INCREMENT, key="label", vi="nhan", en="label")  # "nhan" (folded nhãn) is not "nhanh"
    with pytest.raises(ValueError, match="no section of 01-optimization/ .vi. names 'nhan'"):
        defining_entry(DOCS, fast, "vi")


def test_a_chapter_that_never_names_its_term_fails_naming_both():
    wrong = replace(INCREMENT, key="damping", vi="giảm chấn", en="damping")
    with pytest.raises(ValueError, match=r"'damping': no section of 01-optimization/ \(vi\) names 'giảm chấn'"):
        defining_entry(DOCS, wrong, "vi")
    gone = replace(INCREMENT, chapter="09-convexity.md")
    with pytest.raises(ValueError, match="its chapter 09-convexity/ is not in the vi search index"):
        defining_entry(DOCS, gone, "vi")


def _site(tmp_path, docs):
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    config = {"lang": ["vi"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    index.write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
    return index


def test_add_keywords_writes_the_field_and_its_boost_once(tmp_path):
    index = _site(tmp_path, [dict(d) for d in DOCS])
    for _ in range(2):  # a rebuild (serve) runs it again on its own output
        assert add_keywords(tmp_path, "vi", [INCREMENT]) == 1
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["config"]["fields"][KEYWORDS]["boost"] >= 1000 * data["config"]["fields"]["title"]["boost"]
    assert {d["location"]: d[KEYWORDS] for d in data["docs"] if KEYWORDS in d} == {
        "01-optimization/#a": ["số gia", "so gia", "increment"]
    }


def test_install_worker_puts_the_rule_in_front_of_materials_worker(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.abc123.min.js").write_text("material();\n//# sourceMappingURL=search.abc123.min.js.map\n")
    out = install_worker(tmp_path)
    assert out.name == "lossbook-search.abc123.min.js"
    text = out.read_text(encoding="utf-8")
    assert text.startswith(WORKER_PATCH.read_text(encoding="utf-8")) and text.endswith("material();\n")
    (workers / "search.def456.min.js").write_text("other();\n")
    with pytest.raises(FileNotFoundError, match="expected one Material search worker"):
        install_worker(tmp_path)


# The worker patch in Node: a fake worker global, Material's messages, the answer it posts.
NODE_HARNESS = r"""
const fs = require("fs");
const listeners = [], posted = [];
global.self = {
  addEventListener: (type, f) => listeners.push(f),
  postMessage: (m) => posted.push(m),
};
eval(fs.readFileSync(process.argv[2], "utf8"));
const send = (m) => listeners.forEach((f) => f({ data: m }));
const answer = (items) => self.postMessage({ type: 3, data: { items } });
const groups = () => [
  [{ location: "11-newton/#c" }, { location: "11-newton/" }],
  [{ location: "01-optimization/#a" }],
  [{ location: "#intro" }, { location: "" }],
];
send({ type: 0, data: { docs: [
  { location: "01-optimization/#a", keywords: ["số gia", "so gia", "increment"] },
  { location: "#intro", keywords: ["bài học"] },
] } });
for (const query of JSON.parse(process.argv[3])) { send({ type: 2, data: query }); answer(groups()); }
console.log(JSON.stringify(posted.map((m) => m.data.items.map((g) => g[0].location))));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is installed by `make setup`'s npm")
def test_the_worker_lists_a_terms_page_first_and_leaves_other_queries_alone(tmp_path):
    harness = tmp_path / "harness.js"
    harness.write_text(NODE_HARNESS, encoding="utf-8")
    queries = ["số gia", "  Số   GIA ", "so gia", "increment", "bài học", "số", "gia", "số gia nhỏ"]
    out = subprocess.run(
        ["node", str(harness), str(WORKER_PATCH), json.dumps(queries)], capture_output=True, text=True, check=True
    )
    firsts = [order[0] for order in json.loads(out.stdout)]
    assert firsts == ["01-optimization/#a"] * 4 + ["#intro"] + ["11-newton/#c"] * 3
