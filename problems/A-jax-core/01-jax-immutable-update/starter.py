def accumulate_rows(seed, table, ids, rows):
    # Add each row of `rows` to the row of `table` named by `ids`,
    # then set row 0 to zero. Return the new table.
    return jnp.zeros_like(table)
