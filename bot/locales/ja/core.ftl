# すべての機能で共有するテキスト。

language-en = 英語
language-es-ES = スペイン語
language-pt-BR = ポルトガル語（ブラジル）
language-ja = 日本語
