# Textos compartilhados por todas as capacidades.

language-en = inglês
language-es-ES = espanhol
language-pt-BR = português (Brasil)
language-ja = japonês
