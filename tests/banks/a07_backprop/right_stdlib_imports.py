"""Correct: the solution importing standard modules for internet data and protocols, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import email, html, html.parser, xml.etree.ElementTree, xml.dom.minidom, urllib.parse, http.client, mimetypes, ssl, socket\nimport numpy as np\n')]
