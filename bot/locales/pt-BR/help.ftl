# help: comandos e páginas de /ajuda. Os nomes de comandos vêm das suas traduções.

cmd-help = ajuda
    .description = O que este bot faz: músicas, cotas, jams e comandos de moderação.

help-label-songs = Músicas
help-label-quota = Cotas
help-label-jams = Jams
help-label-moderators = Moderação

help-songs-title = **Músicas**: crie uma música a partir de uma faixa de referência e da sua letra.
help-songs-inline = • `/{ cmd-song } { cmd-song-create } { cmd-song-create--reference }:<arquivo> { cmd-song-create--lyrics }:<texto>`: letra na própria linha; ` / ` começa uma nova linha, ` // ` faz uma pausa.
help-songs-form = • `/{ cmd-song } { cmd-song-create }` (opcionalmente com `{ cmd-song-create--reference }:`): um formulário para o arquivo e uma letra de várias linhas.
help-songs-style = • `{ cmd-song-create--style }:` descreve o som (de { $min } a { $max } caracteres).
help-songs-title-option = • `title:` dá nome à música (até 80 caracteres; por padrão, o primeiro verso).
help-songs-next-steps = • Abaixo da música pronta: **De novo** (uma música nova, tudo igual), **Editar letra**{ $cover ->
        [yes] , **Cover com um estilo**
       *[no] {""}
    }; cada uma conta como uma música nova.
help-songs-from-message = • Em qualquer mensagem com um arquivo de áudio: Apps › **{ cmd-make-a-song-from-this }**.
help-songs-jam = • `{ cmd-song-create--jam }:` inscreve a música em uma jam (padrão: a jam aberta do canal, se houver).
help-songs-status = • `/{ cmd-song } { cmd-song-status } [{ cmd-song-status--job }]`: em que ponto está uma das suas músicas.
help-songs-list = • `/{ cmd-song } { cmd-song-list }`: todas as suas músicas aqui, das mais novas às mais antigas, com links.
help-songs-gallery = • `/{ cmd-song } { cmd-song-gallery }`: as músicas recentes deste servidor e as mais votadas nas jams, com links.
help-songs-cancel = • `/{ cmd-song } { cmd-song-cancel } { cmd-song-cancel--job }`: cancela uma música antes de ela ser publicada (ou use o botão Cancelar do cartão).
help-songs-length-min = com mais de { $min } segundos
help-songs-length-range = com mais de { $min } segundos e até { $max } segundos
help-songs-limits = Referência: { $formats }, { $length }, até { $megabytes } MB. Letra: de { $lyrics_min } a { $lyrics_max } caracteres como enviada. Um envio errado não custa nada.

help-quota-title = **Cotas**: quantas músicas você pode criar.
help-quota-command = • `/{ cmd-quota }`: músicas usadas e restantes nas últimas 24 horas, quando a próxima fica livre, músicas em andamento.
help-quota-cooldown = { $seconds } segundos entre músicas
help-quota-no-cooldown = sem espera entre músicas
help-quota-limits = Por padrão, { $daily ->
        [one] { $daily } música
        [many] { $daily } de músicas
       *[other] { $daily } músicas
    } por dia (a moderação pode definir outro número por servidor, cargo ou membro, e dar créditos extras), até { $unfinished } em andamento ao mesmo tempo, { $cooldown }; o servidor e o bot também têm limites diários.
help-quota-refund = Uma música que falha por um motivo que não é seu devolve o crédito.
help-quota-rights = Sua primeira música aqui pede que você confirme, com um botão, que pode usar as faixas que envia.

help-jams-title = **Jams**: um tema, um prazo, músicas e votos.
help-jams-enter = • `/{ cmd-song } { cmd-song-create }` no canal (ou tópico) de uma jam cria uma inscrição; cada inscrição ganha um botão Votar.
help-jams-status = • `/{ cmd-jam } { cmd-jam-status } [{ cmd-jam-status--jam }]`: a jam aberta.
help-jams-leaderboard = • `/{ cmd-jam } { cmd-jam-leaderboard } [{ cmd-jam-leaderboard--jam }]`: a classificação ao vivo.
help-jams-history = • `/{ cmd-jam } { cmd-jam-history }`: as jams anteriores e seus vencedores.
help-jams-results = Os resultados são publicados no fim do prazo.

help-moderators-title = **Moderação** (Gerenciar servidor, ou o cargo de moderação):
help-moderators-jams = • `/{ cmd-jam } { cmd-jam-start } { cmd-jam-start--theme } { cmd-jam-start--duration } [{ cmd-jam-start--entries_per_member }] [{ cmd-jam-start--channel }] [{ cmd-jam-start--sponsored }] [{ cmd-jam-start--anonymous }] [{ cmd-jam-start--winner_role }]`, `/{ cmd-jam } { cmd-jam-end }`, `/{ cmd-jam } { cmd-jam-cancel }`, `/{ cmd-jam } { cmd-jam-settings }`: organizar jams.
help-moderators-settings = • `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-show }|{ cmd-songadmin-settings-rights }|{ cmd-songadmin-settings-moderator-role }|{ cmd-songadmin-settings-mod-log }|{ cmd-songadmin-settings-language }`: configurações do servidor inteiro.
help-moderators-quota = • `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-default }|{ cmd-songadmin-quota-server-cap }|{ cmd-songadmin-quota-tier }|{ cmd-songadmin-quota-member }|{ cmd-songadmin-quota-list }`: quantas músicas os membros podem criar.
help-moderators-credits = • `/{ cmd-songadmin } { cmd-songadmin-credits } { cmd-songadmin-credits-grant }|{ cmd-songadmin-credits-take }|{ cmd-songadmin-credits-refund }`: créditos extras e reembolsos.
help-moderators-bans = • `/{ cmd-songadmin } { cmd-songadmin-ban }|{ cmd-songadmin-unban }|{ cmd-songadmin-bans }`: banimentos com um motivo.
help-moderators-channels = • `/{ cmd-songadmin } { cmd-songadmin-channels } { cmd-songadmin-channels-add }|{ cmd-songadmin-channels-remove }|{ cmd-songadmin-channels-list }`: onde as músicas podem ser criadas.
help-moderators-words = • `/{ cmd-songadmin } { cmd-songadmin-words } { cmd-songadmin-words-add }|{ cmd-songadmin-words-remove }|{ cmd-songadmin-words-list }`: palavras recusadas nas letras.
help-moderators-usage = • `/{ cmd-songadmin } { cmd-songadmin-usage } [{ cmd-songadmin-usage--member }] [{ cmd-songadmin-usage--csv }]`, `/{ cmd-songadmin } { cmd-songadmin-audit } [{ cmd-songadmin-audit--member }]`: o uso e o registro de auditoria.
