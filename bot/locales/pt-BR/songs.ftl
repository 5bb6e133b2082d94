# songs: comandos (nomes, descrições, opções). Chaves: bot/core/i18n/commands.py.

cmd-song = música
    .description = Crie uma música a partir de uma faixa de referência e da sua letra
cmd-song-status = status
    .description = Em que ponto está uma das suas músicas.
cmd-song-status--job = pedido
    .description = Um dos seus pedidos (padrão: o mais recente)
cmd-song-list = lista
    .description = Suas músicas neste servidor, das mais novas às mais antigas, com links.
cmd-song-gallery = galeria
    .description = As músicas recentes do servidor e as mais votadas nas jams, com links.
cmd-song-cancel = cancelar
    .description = Cancele uma das suas músicas antes de ela ser publicada.
cmd-song-cancel--job = pedido
    .description = Um dos seus pedidos não concluídos
cmd-song-create = criar
    .description = Crie uma música a partir de uma faixa de referência e da sua letra
cmd-song-create--reference = referência
    .description = A faixa de referência (.mp3 ou .wav, com mais de 15 segundos); deixe vazio para usar o formulário
cmd-song-create--lyrics = letra
    .description = Sua letra; ' / ' começa uma linha e ' // ' faz uma pausa. Deixe vazio para usar o formulário
cmd-song-create--style = estilo
    .description = O estilo da música (ex.: 'lo-fi sonhador, vocais suaves')
cmd-song-create--jam = jam
    .description = Inscreva a música nesta jam (padrão: a jam aberta deste canal, se houver)
cmd-song-create--title = título
    .description = Um título para a música (até 80 caracteres; por padrão, o primeiro verso)
cmd-make-a-song-from-this = Fazer uma música com isto

# O que uma música mostra (bot/songs/card.py, text.py, engine.py, picture.py, ui/presenter.py e views.py):
# o cartão público e a postagem da música no idioma do servidor; /música status, lista, galeria e os
# avisos ao membro no idioma de quem lê. $job: um número de pedido (texto).

# O cartão. $user: o membro (uma menção que não notifica ninguém).
songs-card-label-queued = Na fila
songs-card-label-making = Sendo criada
songs-card-label-done = Pronta
songs-card-label-failed = Falhou
songs-card-label-expired = Expirou
songs-card-label-cancelled = Cancelada
songs-card-state-queued = na fila
songs-card-state-making = sendo criada
songs-card-state-done = pronta
songs-card-state-failed = falhou
songs-card-state-expired = expirou
songs-card-state-cancelled = cancelada
songs-card-heading = { $icon } **{ $state }** · música para <@{ $user }>
songs-card-ahead = { $count ->
        [one] { $count } música na frente da sua neste servidor
        [many] { $count } músicas na frente da sua neste servidor
       *[other] { $count } músicas na frente da sua neste servidor
    }
songs-card-progress = Começou { DISCORD_TIME($started, style: "R") } · cerca de { $total } no total · pronta { DISCORD_TIME($ready, style: "R") }
songs-card-seconds = { $seconds } s
songs-card-minutes = { $minutes } min
songs-card-minutes-seconds = { $minutes } min { $seconds } s
songs-card-cancelled = Cancelada pelo membro que a pediu.
songs-card-took = Levou { $duration }.
songs-card-reference = Referência
songs-card-length = Duração
songs-card-footer = Pedido { $job } · { $state }
songs-card-untitled = Música { $job }
songs-card-a-member = Um membro
songs-card-song-for = Música para <@{ $user }>
songs-card-cancel-button = Cancelar
songs-card-cancel-not-yours = Só o membro que pediu esta música pode cancelá-la.
songs-card-post = <@{ $user }> sua música do pedido { $job } está pronta! 🎶
songs-card-post-link = <@{ $user }> sua música do pedido { $job } está pronta, mas é grande demais para enviar aqui. Baixe-a (o link expira em menos de um dia): { $url }
songs-card-picture-new = NOVA MÚSICA
songs-card-picture-by = por
songs-card-picture-untitled = Música sem título
songs-card-picture-member = um membro do songjam

# Por que uma música terminou sem ser postada: guardado com o pedido, mostrado no cartão e ao membro.
songs-failure-busy = O serviço de música está ocupado agora, então nada foi cobrado. Tente de novo em alguns minutos.
songs-failure-unavailable = A criação de músicas está indisponível agora, então nada foi cobrado. O operador do bot já está cuidando disso.
songs-failure-unknown-outcome = Perdi o contato com o serviço de música enquanto enviava sua música. Para garantir que você nunca seja cobrado duas vezes, não a reenviei; seu crédito foi devolvido. Tente de novo.
songs-failure-interrupted = O bot reiniciou enquanto enviava sua música. Para garantir que você nunca seja cobrado duas vezes, ela não foi reenviada; seu crédito foi devolvido. Tente de novo.
songs-failure-cancelled = cancelada por você
songs-failure-expired = O serviço de música não terminou sua música a tempo; seu crédito foi devolvido.
songs-failure-result-lost = A música pronta expirou antes que eu pudesse baixá-la; seu crédito foi devolvido.
songs-failure-submit-refused = O serviço de música recusou esta música. Seu crédito foi devolvido.
songs-failure-generation-failed = O serviço de música não conseguiu criar esta música. Seu crédito foi devolvido.
songs-failure-lost-track = O serviço de música perdeu o rastro desta música. Seu crédito foi devolvido.
songs-failure-bad-result = O serviço de música devolveu algo que não é uma música que eu possa postar. Seu crédito foi devolvido.
songs-failure-undeliverable = Sua música foi criada, mas o Discord não a aceitou, então seu crédito foi devolvido.
songs-failure-unfetchable = Sua música foi criada, mas não consegui baixá-la do serviço de música, então seu crédito foi devolvido.
songs-failure-notice = { $state ->
        [expired] Sua música do pedido { $job } expirou. { $reason }
        [cancelled] Sua música do pedido { $job } foi cancelada. { $reason }
       *[failed] Sua música do pedido { $job } falhou. { $reason }
    }
songs-failure-service-said = O serviço de música disse: { $detail }
songs-failure-fetch-link = Você ainda pode baixá-la enquanto o link durar (ele expira { DISCORD_TIME($at, style: "R") }): { $url }
songs-failure-channel-note = <@{ $user }> sua música do pedido { $job } não deu certo: `/{ cmd-song } { cmd-song-status } { cmd-song-status--job }:{ $job }` diz por quê.

# /música status (privado).
songs-status-state-pending = na fila
songs-status-state-submitting = sendo enviada ao serviço de música
songs-status-state-submitted = na fila do serviço de música
songs-status-state-generating = sendo gerada
songs-status-state-completed = finalizando
songs-status-state-delivered = pronta
songs-status-state-failed = falhou
songs-status-state-expired = expirou
songs-status-state-cancelled = cancelada
songs-status-head = **Pedido { $job }**: { $state } · { $elapsed }
songs-status-started = começou { DISCORD_TIME($at, style: "R") }
songs-status-took = levou { $duration }
songs-status-ready = Pronta por volta de { DISCORD_TIME($at, style: "R") }
songs-status-download = Download (expira em até um dia depois de pronta): { $url }
songs-status-sent-by-dm = Enviada para você por mensagem direta.
songs-status-posted = Postada aqui: { $link }
songs-status-lyrics = Letra: { $lyrics }
songs-status-reference = Referência: `{ $name }`
songs-status-cancel-already = O pedido { $job } já terminou ({ $state }).
songs-status-cancel-finished = O pedido { $job } terminou nesse meio-tempo.
songs-status-cancelled-refunded = O pedido { $job } foi cancelado e não será postado. Seu crédito foi devolvido.
songs-status-cancelled-charged = O pedido { $job } foi cancelado e não será postado. A música já estava sendo criada, então o crédito foi usado.

# /música lista (privado).
songs-list-line = `{ $job }` { $icon } { $state } · { DISCORD_TIME($at, style: "R") } · { $lyrics }
songs-list-song-link = [música]({ $link })
songs-list-card-link = [cartão]({ $link })
songs-list-empty = Você ainda não tem músicas aqui: experimente `/{ cmd-song } { cmd-song-create }`.
songs-list-head = **Suas músicas aqui** ({ $first }–{ $last } de { $total }, página { $page } de { $pages })

# /música galeria (privado).
songs-gallery-title-recent = Músicas recentes aqui
songs-gallery-title-top = As mais votadas aqui, por votos em jams
songs-gallery-empty-recent = Nenhuma música foi postada neste servidor ainda: crie a primeira com `/{ cmd-song } { cmd-song-create }`.
songs-gallery-empty-top = Nenhuma música daqui tem votos de jam ainda: as inscrições de uma `/{ cmd-jam }` ganham botões de { jams-button-vote }.
songs-gallery-head = **{ $title }** ({ $first }–{ $last } de { $total }, página { $page } de { $pages })
songs-gallery-untitled = sem título
songs-gallery-line = **{ $rank }.** [{ $title }]({ $link }) · <@{ $user }> · { DISCORD_TIME($at, style: "R") }
songs-gallery-votes = { $count ->
        [one] { $count } voto
        [many] { $count } votos
       *[other] { $count } votos
    }

# songs: o que um membro envia e as respostas privadas de /song. Toda recusa aqui é privada e não cobra nada.

## Letra, estilo e título (bot/songs/lyrics.py)
songs-input-control-character = { $field ->
        [lyrics] Sua letra contém
        [style] Sua descrição de estilo contém
       *[title] Seu título contém
    } um caractere de controle (U+{ $code }), um caractere invisível que não pode ser enviado. Remova-o (digitar a linha de novo costuma resolver) e tente outra vez.
songs-lyrics-empty = Sua letra está vazia. Escreva pelo menos uma linha e tente outra vez.
songs-lyrics-too-long = Sua letra passa { $over ->
        [one] { $over } caractere
        [many] { $over } de caracteres
       *[other] { $over } caracteres
    } do limite de { NUMBER($limit, useGrouping: 0) } caracteres do { $model } (a contagem inclui { $markers ->
        [yes] as quebras de linha e as marcas ##
       *[no] as quebras de linha
    }).
songs-lyrics-too-short = Sua letra é curta demais: o { $model } precisa de pelo menos { $min ->
        [one] { $min } caractere
        [many] { $min } de caracteres
       *[other] { $min } caracteres
    }, e a sua tem { $length }.
songs-style-not-taken = O modelo musical deste bot, `{ $model }`, não aceita descrição de estilo: só letra e uma faixa de referência. Tire o estilo e tente outra vez; nada foi cobrado.
songs-style-not-taken-only = O modelo musical deste bot, `{ $model }`, não aceita descrição de estilo (aceitam estilo: { $takers }): só letra e uma faixa de referência. Tire o estilo e tente outra vez; nada foi cobrado.
songs-style-missing = O { $model } precisa de uma descrição de estilo, por exemplo "synth-pop sonhador, voz feminina suave". Adicione uma e tente outra vez.
songs-style-too-short = Sua descrição de estilo é curta demais: o { $model } precisa de pelo menos { $min ->
        [one] { $min } caractere
        [many] { $min } de caracteres
       *[other] { $min } caracteres
    }, e a sua tem { $length }.
songs-style-too-long = Sua descrição de estilo passa { $over ->
        [one] { $over } caractere
        [many] { $over } de caracteres
       *[other] { $over } caracteres
    } do limite de { NUMBER($limit, useGrouping: 0) } caracteres do { $model }.
songs-title-line-break = Seu título precisa caber em uma linha. Remova a quebra de linha e tente outra vez.
songs-title-mention = Seu título não pode mencionar ninguém (nada de @everyone, @here, membros, cargos ou canais). Escreva como texto simples e tente outra vez.
songs-title-too-long = Seu título passa { $over ->
        [one] { $over } caractere
        [many] { $over } de caracteres
       *[other] { $over } caracteres
    } do limite de { $limit } caracteres.

## A faixa de referência (bot/songs/reference.py)
songs-formats-or = { $rest } ou { $last }
songs-reference-wrong-extension = Use um arquivo { $formats } como faixa de referência.
songs-reference-not-audio = O Discord diz que seu arquivo não é áudio. Use um arquivo { $formats } como faixa de referência.
songs-reference-claimed-other = Seu arquivo se chama .{ $extension }, mas o Discord diz que é áudio { $kind }. Exporte de novo como arquivo { $formats } e tente outra vez.
songs-reference-empty = Seu arquivo de referência está vazio. Envie de novo, por favor.
songs-reference-too-large = Seu arquivo de referência é grande demais: o limite é { $megabytes } MB. Envie um trecho mais curto ou uma exportação menor.
songs-reference-unreadable = Esse arquivo não é um áudio que conseguimos ler. Exporte de novo como arquivo { $formats } e tente outra vez.
songs-reference-misnamed = Seu arquivo se chama .{ $extension }, mas na verdade é áudio { $kind }. Renomeie para .{ $real } ou exporte de novo como .{ $extension }.
songs-reference-misnamed-unsupported = Seu arquivo se chama .{ $extension }, mas na verdade é áudio { $kind }. O { $model } não aceita { $kind }; use um arquivo { $formats }.
songs-reference-fetch-failed = O Discord não me entregou seu arquivo; envie de novo, por favor.
songs-reference-too-short = A referência precisa ter mais de { $min }; a sua tem { $length }.
songs-reference-too-long = A referência pode ter no máximo { $max }; a sua é mais longa. Corte e envie de novo.
songs-span-seconds = { $seconds ->
        [one] { $seconds } segundo
        [many] { $seconds } de segundos
       *[other] { $seconds } segundos
    }
songs-span-minutes = { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } de minutos
       *[other] { $minutes } minutos
    }
songs-length-seconds = { NUMBER($seconds, minimumFractionDigits: 1) } s
songs-length-minutes = { $minutes } min { $seconds } s

## /song create e "Fazer uma música com isto"
songs-reference-missing = Anexe uma faixa de referência com `{ cmd-song-create--reference }:`, ou use `/{ cmd-song } { cmd-song-create }` sozinho para abrir o formulário.
songs-no-audio-in-message = Essa mensagem não tem um arquivo de áudio para fazer uma música: preciso de um arquivo { $formats } anexado a ela.
songs-database-busy = Estou ocupado por um instante (meu banco de dados está em uso), então nada foi cobrado. Tente outra vez daqui a pouco.
songs-queued = Na fila como pedido { $job }.{ $note } Vou postar a música neste canal quando ela ficar pronta.

## /song status, list, gallery, cancel
songs-job-choice = { $job }: { $state ->
        [pending] na espera
        [submitting] enviando
        [submitted] enviado
        [completed] concluído
        [delivered] publicado
        [failed] falhou
        [expired] expirado
        [cancelled] cancelado
       *[other] { $state }
    } · { $reference }
songs-job-not-found = Não encontrei esse pedido entre os seus.
songs-list-not-yours = Só o membro dono destas músicas pode virar as páginas: use `/{ cmd-song } { cmd-song-list }` para ver as suas.
songs-page-previous = ‹ Anterior
songs-page-next = Próxima ›
songs-gallery-tab-recent = Recentes
songs-gallery-tab-top = Mais votadas

## O formulário
songs-form = Fazer uma música
songs-form-reference = Faixa de referência
songs-form-reference-hint = Um arquivo { $formats } com música e voz
songs-form-lyrics = Letra
songs-form-lyrics-hint = Até { $max } caracteres
songs-form-lyrics-placeholder = Um verso por linha; uma linha em branco faz uma pausa.
songs-form-style = Estilo
songs-form-style-placeholder = ex.: synth-pop animado, voz feminina
songs-form-title = Título
songs-form-title-placeholder = Deixe vazio para usar o primeiro verso da letra
songs-form-reference-needed = Anexe uma faixa de referência, por favor.
songs-cover-form = Cover com um estilo
songs-cover-form-style-hint = De { $min } a { $max } caracteres

## Abaixo de uma música publicada (idioma do servidor) e a pergunta antes do último crédito (privada)
songs-button-again = De novo
songs-button-edit-lyrics = Editar letra
songs-button-cover = Cover com um estilo
songs-button-confirm = Confirmar
songs-button-cancel = Cancelar

## O que esses botões respondem, em particular
songs-remake-not-yours = Só <@{ $user }> pode { $action ->
        [again] fazer esta música de novo
        [edit] editar a letra desta música
       *[cover] fazer um cover desta música
    }. Use `/{ cmd-song } { cmd-song-create }` para fazer a sua.
songs-remake-song-gone = Não tenho mais essa música nos meus registros, então nada foi feito. Use `/{ cmd-song } { cmd-song-create }` para fazer uma nova.
songs-remake-reference-gone = Essa referência não está mais no Discord: use `/{ cmd-song } { cmd-song-create }` com o arquivo de novo. Nada foi cobrado.
songs-remake-reference-unknown = Essa música foi feita antes de eu guardar os dados da referência: use `/{ cmd-song } { cmd-song-create }` com o arquivo de novo. Nada foi cobrado.
songs-remake-discord-down = Não consegui falar com o Discord para renovar o link da sua referência, então nada foi feito nem cobrado. Tente outra vez daqui a pouco.
songs-remake-last-credit = Isto usa seu último crédito de hoje. Quer fazer?
songs-remake-making-again = Fazendo de novo…
songs-remake-not-made = Nada foi feito, e nada foi cobrado.
