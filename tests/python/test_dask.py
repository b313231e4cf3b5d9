"""presslens.dask against a real LocalCluster of two worker processes: the results must equal the
single-process ones."""

from __future__ import annotations

from typing import Iterator, List

import pytest

distributed = pytest.importorskip("dask.distributed")
pandas = pytest.importorskip("pandas")

import dask.bag  # noqa: E402
import dask.dataframe  # noqa: E402

import presslens  # noqa: E402
import presslens.dask  # noqa: E402
from presslens import samples  # noqa: E402

TEXTS: List[str] = [
    samples.read(),
    '"We will not move," said Mayor Ana Ruiz. The port handled 4.2 million containers in 2025.',
    "Prices rose by 12% because the harbour closed. Will it reopen? Nobody knows.",
    "两国关系正在改善。“我们愿意对话，”外交部发言人说。",
] * 3


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_bag_of_documents_equals_local_analysis(client: object) -> None:
    bag = dask.bag.from_sequence(TEXTS, npartitions=4)
    remote = presslens.dask.analyze_bag(bag).map(lambda doc: doc.to_dict()).compute()
    analyzer = presslens.Analyzer("auto")  # as analyze_bag's default: each text's language identified
    assert remote == [analyzer.analyze(text).to_dict() for text in TEXTS]


@pytest.mark.parametrize("layer", ["documents", "sentences", "quotes", "claims", "keywords"])
def test_dataframe_tables_equal_analyze_frame(client: object, layer: str) -> None:
    frame = pandas.DataFrame({"id": [f"doc{i}" for i in range(len(TEXTS))], "text": TEXTS})
    ddf = dask.dataframe.from_pandas(frame, npartitions=3)
    remote = presslens.dask.analyze_dataframe(ddf, "text", "id", layer=layer).compute()
    local = presslens.analyze_frame(frame, "text", "id", layers=[] if layer == "documents" else [layer])[layer]
    pandas.testing.assert_frame_equal(remote.reset_index(drop=True), local.reset_index(drop=True))


def test_keyword_corpus_merges_partitions_exactly(client: object) -> None:
    months = ["2026-01", "2026-02", "2026-03"] * 4
    ddf = dask.dataframe.from_pandas(pandas.DataFrame({"text": TEXTS, "month": months}), npartitions=3)
    remote = presslens.dask.keyword_corpus(ddf[["text", "month"]].to_bag()).compute()
    local = presslens.Corpus().add_many(TEXTS, months, threads=1)
    assert remote.documents == len(TEXTS)
    assert remote.top(50) == local.top(50)
    assert remote.by(5) == local.by(5)


def test_unknown_layer_is_refused() -> None:
    ddf = dask.dataframe.from_pandas(pandas.DataFrame({"text": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="unknown layer"):
        presslens.dask.analyze_dataframe(ddf, layer="paragraph")
