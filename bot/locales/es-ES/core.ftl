# Textos compartidos por todas las capacidades.

language-en = inglés
language-es-ES = español
language-pt-BR = portugués (Brasil)
language-ja = japonés
