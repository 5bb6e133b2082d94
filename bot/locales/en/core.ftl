# Texts shared by every capability.

# The language names moderators pick from (/songadmin settings language, /songadmin settings show).
language-en = English
language-es-ES = Spanish
language-pt-BR = Portuguese (Brazil)
language-ja = Japanese
