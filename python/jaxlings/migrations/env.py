"""Alembic's environment for the progress database: run on the connection jaxlings passes in."""

from alembic import context

from jaxlings.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` run by hand: take the URL from alembic.ini / -x url=…
    import sqlalchemy as sa

    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if url is None:  # what create_engine(None) raises
        raise sa.exc.ArgumentError("Expected string or URL object, got None")
    with sa.create_engine(url).begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
