"""Uses x instead of q = x + y as df/dz."""

MUTATIONS = [
    ('    dfdq, dfdz = z, q  #', '    dfdq, dfdz = z, x  #'),
]
