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
songs-status-cancel-not-found = Não encontro esse pedido entre os seus.
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
songs-list-not-yours = Só o membro dono destas músicas pode virar as páginas: use `/{ cmd-song } { cmd-song-list }` para ver as suas.
songs-list-previous = ‹ Anterior
songs-list-next = Próxima ›

# /música galeria (privado).
songs-gallery-tab-recent = Recentes
songs-gallery-tab-top = Mais votadas
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
