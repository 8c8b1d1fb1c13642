"""Gives x and y the gradient q and z the gradient z: the multiply gate's local gradients swapped."""

MUTATIONS = [
    ('    dfdq, dfdz = z, q  #', '    dfdq, dfdz = q, z  #'),
]
