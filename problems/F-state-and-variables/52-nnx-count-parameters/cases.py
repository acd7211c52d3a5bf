from jaxlings.cases import Case


def cases():
    return [
        Case("worked example", seed=0.0, d_in=3.0, d_hidden=5.0, d_out=2.0),
        Case("square", seed=1.0, d_in=4.0, d_hidden=4.0, d_out=4.0),
        Case("one hidden unit", seed=2.0, d_in=6.0, d_hidden=1.0, d_out=3.0),
        Case("wide", seed=3.0, d_in=10.0, d_hidden=32.0, d_out=7.0),
        Case("larger", seed=4.0, d_in=64.0, d_hidden=128.0, d_out=10.0, hidden=True),
        Case("single input and output", seed=5.0, d_in=1.0, d_hidden=3.0, d_out=1.0,
             hidden=True),
    ]
