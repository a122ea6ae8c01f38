#!/usr/bin/env python3
"""Derives the graph facts the graph dashboard must reproduce, independently of
EventLens: standard library only, its own protobuf wire decoding.

For every run under each root and every graph tag, the last record of the tag
(the one the dashboard shows) is decoded:
  GraphDef (Event.graph_def), MetaGraphDef (Event.meta_graph_def: its field 2),
  RunMetadata (tagged_run_metadata, graph_run_metadata plugins: the function
  graphs' pre-optimization graphs, else the partition graphs), Keras model JSON
  (graph_keras_model plugin: every non-model layer is a node, nested models
  contribute their layers, an edge per inbound connection, Sequential layers
  chained in order).
Columns: run, tag, source, nodes, data_edges, control_edges, dangling_inputs,
functions, distinct_ops. An input counts as an edge when its source node is in
the graph ("^x" control, "x" or "x:k" data); otherwise it is dangling.
Usage: graph_facts.py CORPUS_DIR ROOT... > tests/data/graph_facts.tsv
"""
import json
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402
from event_facts import fields, runs_under, tensor  # noqa: E402


def graph_def(b):
    """(nodes [(name, op, inputs)], function count) of a serialized GraphDef."""
    nodes, functions = [], 0
    for no, _, v in fields(b):
        if no == 1:
            name, op, inputs = "", "", []
            for nno, _, nv in fields(v):
                if nno == 1:
                    name = nv.decode("utf-8", "replace")
                elif nno == 2:
                    op = nv.decode("utf-8", "replace")
                elif nno == 3:
                    inputs.append(nv.decode("utf-8", "replace"))
            nodes.append((name, op, inputs))
        elif no == 2:
            functions += sum(1 for fno, _, _ in fields(v) if fno == 1)
    return nodes, functions


def run_metadata(b):
    """The graphs a RunMetadata holds, concatenated as in the dashboard: each
    graph's nodes prefixed with graph_<i>/ when there are several."""
    function_graphs, partitions = [], []
    for no, _, v in fields(b):
        if no == 3:
            partitions.append(v)
        elif no == 4:
            for fno, _, fv in fields(v):
                if fno == 2:
                    function_graphs.append(fv)
    graphs = function_graphs or partitions
    nodes, functions = [], 0
    for i, g in enumerate(graphs):
        n, f = graph_def(g)
        functions += f
        if len(graphs) > 1:
            prefix = "graph_%d/" % i
            n = [(prefix + name, op, [("^" + prefix + x[1:]) if x.startswith("^") else prefix + x for x in ins])
                 for name, op, ins in n]
        nodes += n
    return nodes, functions


def keras_nodes(model, scope, out, alias):
    """Appends (name, op, inputs) for the model's layers (nested models recurse);
    alias maps a nested model's name to its last layer, which is what its
    consumers read."""
    config = model.get("config", {})
    layers = config.get("layers", [])
    sequential = model.get("class_name") == "Sequential"
    prev = None
    for layer in layers:
        name = layer.get("name") or layer.get("config", {}).get("name", "")
        full = scope + "/" + name if scope else name
        inputs = []
        if sequential:
            if prev is not None:
                inputs.append(prev)
        else:
            for node in layer.get("inbound_nodes", []):
                for conn in node:
                    src = conn[0]
                    inputs.append(scope + "/" + src if scope else src)
        if "layers" in layer.get("config", {}):
            # A nested model: its layers under its name; what feeds it feeds its first layers.
            inner = []
            keras_nodes(layer, full, inner, alias)
            inner_names = {n for n, _, _ in inner}
            for n, op, ins in inner:
                local = [x for x in ins if x in inner_names]
                out.append((n, op, local if local or not inputs else list(inputs)))
            if inner:
                alias[full] = inner[-1][0]
                prev = inner[-1][0]
        else:
            out.append((full, layer.get("class_name", ""), inputs))
            prev = full


def decode(tag, plugin, payload):
    if tag == "__run_graph__":
        return ("graph_def",) + graph_def(payload)
    if tag == "__meta_graph__":
        g = next((v for no, _, v in fields(payload) if no == 2), b"")
        return ("meta_graph_def",) + graph_def(g)
    if plugin == "graph_keras_model":
        out, alias = [], {}
        keras_nodes(json.loads(payload.decode()), "", out, alias)
        out = [(n, op, [alias.get(x, x) for x in ins]) for n, op, ins in out]
        return ("keras", out, 0)
    return ("run_metadata",) + run_metadata(payload)


def read_graphs(paths):
    """{tag: (plugin, payload of its last record)}"""
    last = {}
    for path in paths:
        data = open(path, "rb").read()
        for off, length, ok in frame(data):
            if not ok:
                continue
            rec = data[off + 12:off + 12 + length]
            for no, _, v in fields(rec):
                if no == 4:
                    last["__run_graph__"] = ("", v)
                elif no == 9:
                    last["__meta_graph__"] = ("", v)
                elif no == 8:
                    d = {tn: tv for tn, _, tv in fields(v)}
                    last[d.get(1, b"").decode()] = ("run_metadata", d.get(2, b""))
                elif no == 5:
                    for vno, _, vb in fields(v):
                        if vno != 1:
                            continue
                        d = {a: c for a, _, c in fields(vb)}
                        plugin = ""
                        for mno, _, mv in fields(d.get(9, b"")):
                            if mno == 1:
                                plugin = {a: c for a, _, c in fields(mv)}.get(1, b"").decode()
                        if plugin.startswith("graph") and 8 in d:
                            strings = tensor(d[8])["strings"]
                            last[d.get(1, b"").decode()] = (plugin, strings[0] if strings else b"")
    return last


def main():
    corpus = sys.argv[1]
    print("run\ttag\tsource\tnodes\tdata_edges\tcontrol_edges\tdangling_inputs\tfunctions\tdistinct_ops")
    for root in sys.argv[2:]:
        for run, paths in runs_under(os.path.join(corpus, root)):
            graphs = read_graphs(paths)
            for tag in sorted(graphs, key=lambda s: s.encode()):
                plugin, payload = graphs[tag]
                source, nodes, functions = decode(tag, plugin, payload)
                names = {n for n, _, _ in nodes}
                data = control = dangling = 0
                for _, _, inputs in nodes:
                    for x in inputs:
                        ctl = x.startswith("^")
                        src = x[1:] if ctl else x
                        if src not in names and ":" in src:
                            src = src.rsplit(":", 1)[0]
                        if src not in names:
                            dangling += 1
                        elif ctl:
                            control += 1
                        else:
                            data += 1
                ops = len({op for _, op, _ in nodes})
                print("\t".join(str(x) for x in [root + "/" + run if run != "." else root, tag, source, len(nodes),
                                                 data, control, dangling, functions, ops]))


if __name__ == "__main__":
    main()
