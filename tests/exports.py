#!/usr/bin/env python3
"""The graph exports load in the tools the README names, with the same attributes in each.

    python3 tests/exports.py [PATH/TO/isnad]

DOT through Graphviz (`dot -Tjson`), GraphML through `networkx.read_graphml`, node-link JSON
through `networkx.node_link_graph`; for one article and for a directory of two merged into one
graph. Exits non-zero with the difference when a format loses or changes an attribute.
"""

import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "isnad")
STORY = (
    "قال وزير الخارجية سامي العلي إن المحادثات السرية جرت في جنيف.\n"
    "ونفت وزارة الدفاع إجراء أي محادثات سرية في جنيف.\n"
    "ونقلت وكالة الأنباء الرسمية عن مسؤول إسرائيلي قوله إن المحادثات السرية جرت في جنيف.\n"
    "ورفض المتحدث باسم الحكومة التعليق على المحادثات السرية.\n"
)
OTHER = "وقالت وزارة الدفاع إن الوفد سيعود غدا إلى العاصمة.\n"


def export(target, fmt):
    out = subprocess.run([BINARY, "graph", "--format", fmt, target], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def text(v):
    return str(v).lower() if isinstance(v, bool) else str(v)


def from_networkx(g):
    nodes = {n: {k: text(v) for k, v in d.items()} for n, d in g.nodes(data=True)}
    edges = sorted((u, v, tuple(sorted((k, text(x)) for k, x in d.items() if k not in ("id", "key"))))
                   for u, v, d in g.edges(data=True))
    return nodes, edges


def node_link(data):
    major, minor = (int(x) for x in nx.__version__.split(".")[:2])
    if (major, minor) >= (3, 6):
        return nx.node_link_graph(data)
    if (major, minor) >= (3, 4):
        return nx.node_link_graph(data, edges="edges")
    return nx.node_link_graph(data, link="edges")


def from_graphviz(dot_text):
    out = subprocess.run(["dot", "-Tjson"], input=dot_text.encode("utf-8"), capture_output=True, check=True)
    g = json.loads(out.stdout)
    drawing = {"name", "_gvid", "shape", "label", "color", "pos", "width", "height", "_draw_",
               "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_", "lp", "head", "tail",
               "fontsize", "fontname", "bb", "xdotversion", "_subgraph_cnt", "rankdir",
               "directed", "strict", "objects", "edges", "nodes"}
    objects = g.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects}
    nodes = {o["name"]: {k: v for k, v in o.items() if k not in drawing} for o in objects}
    # A node's `label` is data (the name); Graphviz keeps it as given.
    for o in objects:
        nodes[o["name"]]["label"] = o["label"]
    edges = sorted((names[e["tail"]], names[e["head"]],
                    tuple(sorted((k, v) for k, v in e.items() if k not in drawing)))
                   for e in g.get("edges", []))
    return nodes, edges


def check(target, what):
    dot_nodes, dot_edges = from_graphviz(export(target, "dot"))
    with tempfile.NamedTemporaryFile("w", suffix=".graphml", delete=False, encoding="utf-8") as f:
        f.write(export(target, "graphml"))
    try:
        ml_nodes, ml_edges = from_networkx(nx.read_graphml(f.name))
    finally:
        os.unlink(f.name)
    js_nodes, js_edges = from_networkx(node_link(json.loads(export(target, "json"))))
    assert ml_nodes == js_nodes, f"{what}: GraphML and JSON nodes differ:\n{ml_nodes}\n{js_nodes}"
    assert ml_edges == js_edges, f"{what}: GraphML and JSON edges differ:\n{ml_edges}\n{js_edges}"
    assert dot_nodes == js_nodes, f"{what}: DOT and JSON nodes differ:\n{dot_nodes}\n{js_nodes}"
    assert dot_edges == js_edges, f"{what}: DOT and JSON edges differ:\n{dot_edges}\n{js_edges}"
    kinds = {dict(attrs)["kind"] for _, _, attrs in js_edges}
    assert {"says", "denies", "relays", "declines"} <= kinds or what == "archive", kinds
    print(f"{what}: {len(js_nodes)} nodes, {len(js_edges)} edges, the same in DOT, GraphML and JSON")
    return js_nodes, js_edges


def main():
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "story.txt")
        with open(one, "w", encoding="utf-8") as f:
            f.write(STORY)
        check(one, "article")
        archive = os.path.join(tmp, "archive")
        os.mkdir(archive)
        for name, body in (("a.txt", STORY), ("b.txt", OTHER)):
            with open(os.path.join(archive, name), "w", encoding="utf-8") as f:
                f.write(body)
        nodes, edges = check(archive, "archive")
        ministry = [n for n, d in nodes.items() if d["label"] == "وزارة الدفاع"]
        assert len(ministry) == 1, nodes
        documents = {dict(attrs).get("document") for u, _, attrs in edges if u == ministry[0]}
        assert len(documents) == 2, documents
    print(f"ok (networkx {nx.__version__})")


if __name__ == "__main__":
    main()
