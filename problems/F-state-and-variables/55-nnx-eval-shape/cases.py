from jaxlings.cases import Case


def cases():
    return [
        Case("worked example", seed=0.0, vocab=10.0, d_model=4.0, n_layers=1.0),
        Case("no blocks", seed=0.0, vocab=7.0, d_model=3.0, n_layers=0.0),
        Case("two small blocks", seed=1.0, vocab=20.0, d_model=8.0, n_layers=2.0),
        Case("GPT-2-small width and depth: 95M numbers", seed=0.0, vocab=50257.0, d_model=768.0,
             n_layers=12.0),
        Case("a 4.8 GB model: too big to build here", seed=0.0, vocab=32000.0,
             d_model=4096.0, n_layers=16.0, hidden=True),
        Case("one wide block", seed=2.0, vocab=100.0, d_model=1024.0, n_layers=1.0,
             hidden=True),
    ]
