# jams: comandos (nomes, descrições, opções). Chaves: bot/core/i18n/commands.py.

cmd-jam = jam
    .description = Jams de músicas: um tema, um prazo, músicas e votos
cmd-jam-start = iniciar
    .description = Inicie uma jam: os membros criam músicas sobre um tema até um prazo e votam (moderadores).
cmd-jam-start--theme = tema
    .description = Sobre o que as músicas devem ser
cmd-jam-start--duration = duração
    .description = Por quanto tempo inscrições e votos ficam abertos, ex.: 90m, 2d ou 1h30m
cmd-jam-start--entries_per_member = inscrições_por_membro
    .description = Quantas músicas cada membro pode inscrever (padrão 1)
cmd-jam-start--channel = canal
    .description = Onde realizar a jam (padrão: aqui)
cmd-jam-start--sponsored = patrocinada
    .description = As inscrições não gastam as músicas diárias dos membros (padrão: gastam)
cmd-jam-start--anonymous = anônima
    .description = Oculta a contagem de votos até o encerramento (padrão: a contagem é pública)
cmd-jam-start--winner_role = cargo_vencedor
    .description = Um cargo para dar aos vencedores
cmd-jam-status = status
    .description = O tema, o prazo e as regras da jam, e suas inscrições e seu voto.
cmd-jam-status--jam = jam
    .description = Qual jam (padrão: a deste canal)
cmd-jam-leaderboard = classificação
    .description = A classificação: ao vivo enquanto a jam acontece, final depois.
cmd-jam-leaderboard--jam = jam
    .description = Qual jam (padrão: a deste canal)
cmd-jam-end = encerrar
    .description = Encerre uma jam agora e publique os resultados (moderadores).
cmd-jam-end--jam = jam
    .description = Qual jam (padrão: a deste canal)
cmd-jam-cancel = cancelar
    .description = Interrompa uma jam sem resultados (moderadores).
cmd-jam-cancel--jam = jam
    .description = Qual jam (padrão: a deste canal)
cmd-jam-history = histórico
    .description = As jams anteriores deste servidor e seus vencedores.
cmd-jam-settings = configurações
    .description = Como as jams funcionam neste servidor (moderadores).
cmd-jam-settings--threads = tópicos
    .description = Abre um tópico para cada nova jam
cmd-jam-settings--private_standings = classificação_privada
    .description = Mostra /jam classificação só a quem pede enquanto a jam acontece

# Mensagens das jams: bot/jams/text.py, service.py (recusas), ui/ (respostas, botões) e picture.py.

jams-left-days = { $days }d { $hours }h
jams-left-hours = { $hours }h { $minutes }min
jams-left-minutes = { $minutes }min
jams-choice-open = fecha em { $left }
jams-choice-cancelled = cancelada
jams-choice-ended = encerrada

# $ordinal: a categoria ordinal CLDR de $rank (em português, sempre "other").
jams-rank = { $ordinal ->
       *[other] { $rank }º lugar
    }
jams-rank-tied = { $place } (empate)
jams-votes = { $votes ->
        [0] nenhum voto
        [one] { $votes } voto
        [many] { $votes } de votos
       *[other] { $votes } votos
    }
jams-entries = { $entries ->
        [0] nenhuma inscrição
        [one] { $entries } inscrição
        [many] { $entries } de inscrições
       *[other] { $entries } inscrições
    }

jams-entries-rule = { $allowed ->
        [one] Uma inscrição
        [many] Até { $allowed } de inscrições
       *[other] Até { $allowed } inscrições
    } por membro. { $sponsored ->
        [yes] As inscrições são grátis: esta jam é patrocinada.
       *[no] As inscrições contam nas suas músicas diárias.
    }
jams-rule-make = • Crie uma música sobre o tema com `/{ cmd-song } { cmd-song-create }` { $thread ->
        [yes] neste canal ou no tópico da jam
       *[no] neste canal
    } (ou em qualquer lugar, com a opção `{ cmd-song-create--jam }`), ou toque em **{ jams-button-submit }** embaixo de uma música sua publicada aqui durante a jam.
jams-rule-entries = • { $rule }
jams-rule-vote = • Vote com o botão **{ jams-button-vote }** embaixo de uma inscrição: um voto por membro, que pode ser trocado até o prazo, nunca na sua própria música.
jams-rule-standings = • { $anonymous ->
        [yes] Os votos ficam em segredo até o encerramento.
       *[no] Veja a classificação quando quiser com `/{ cmd-jam } { cmd-jam-leaderboard }`.
    } Só músicas concluídas antes do prazo podem receber votos.
jams-rule-winners = • Os vencedores são anunciados aqui no fim do prazo.
jams-rule-winners-role = • Os vencedores são anunciados aqui no fim do prazo e ganham o cargo <@&{ $role }>.
jams-announcement-title = 🎤 **Jam de músicas: { $theme }**
jams-announcement-host = Organizada por <@{ $host }> · fecha { DISCORD_TIME($ends, style: "R") } ({ DISCORD_TIME($ends, style: "f") })
jams-thread-name = Jam: { $theme }

jams-state-open = aberta, fecha { DISCORD_TIME($at, style: "R") }
jams-state-cancelled = cancelada { DISCORD_TIME($at, style: "R") }
jams-state-ended = encerrada { DISCORD_TIME($at, style: "R") }

jams-status-title = 🎤 **{ $theme }** · { $state }
jams-status-entries = { jams-entries } até agora · { $rule }
jams-status-votes = { $visible ->
        [yes] Os votos são públicos: veja `/{ cmd-jam } { cmd-jam-leaderboard }`.
       *[no] Os votos ficam em segredo até o encerramento.
    }
jams-status-mine = Suas inscrições: { $mine } de { $allowed } · você ainda não votou.
jams-status-mine-voted = Suas inscrições: { $mine } de { $allowed } · você votou no pedido { $job }.
jams-status-announcement = Anúncio: { $link }

jams-entry-unposted = pedido { $job } (não publicado no servidor)
jams-entry-link = [pedido { $job }]({ $link })
jams-standing-entry = • <@{ $user }> · { $link }
jams-standing = { $medal } **{ $place }** · <@{ $user }> · { jams-votes } · { $link }

jams-leaderboard-cancelled = 🚫 A jam **{ $theme }** foi cancelada, então não tem classificação.
jams-leaderboard-title = 📊 **Classificação: { $theme }** · { $state }
jams-leaderboard-empty = Ainda não há inscrições.
jams-leaderboard-secret = Os votos ficam em segredo até o encerramento. As inscrições até agora:
jams-no-songs = Nenhuma música foi inscrita.

jams-no-winner-no-songs = Nenhuma música foi inscrita, então não há vencedor.
jams-no-winner-no-votes = Ninguém votou, então não há vencedor.
jams-winners = 🏆 { $count ->
        [1] Vencedor
       *[other] Vencedores, empatados em primeiro
    }: { $names }! Parabéns 🎉
jams-results-title = 🏁 **Resultados da jam de músicas: { $theme }**
jams-results-summary = { jams-entries } · { jams-votes } · encerrada { DISCORD_TIME($at, style: "f") }
jams-cancelled = 🚫 A jam de músicas **{ $theme }** foi cancelada. A votação está fechada e não há resultados.
jams-cancelled-by = 🚫 A jam de músicas **{ $theme }** foi cancelada por <@{ $by }>. A votação está fechada e não há resultados.
jams-thread-cancelled = 🚫 Esta jam foi cancelada.
jams-thread-over = 🏁 Esta jam terminou.
jams-thread-over-results = 🏁 Esta jam terminou: resultados { $link }

jams-history-empty = Nenhuma jam terminou neste servidor ainda.
jams-history-title = 📜 **Jams anteriores**
jams-history-cancelled = • **{ $theme }** · cancelada { DISCORD_TIME($at, style: "D") }
jams-history-ended = • **{ $theme }** · encerrada { DISCORD_TIME($at, style: "D") } · { jams-entries } · 🏆 { $winners }
jams-history-no-winner = sem vencedor

jams-vote-on = 🗳️ Seu voto está na inscrição de <@{ $user }> (pedido { $job }).
jams-vote-moved = Eu o tirei do pedido { $previous }.
jams-vote-count = Agora ela tem { jams-votes }.
jams-vote-until = Você pode trocá-lo até { DISCORD_TIME($at, style: "R") }.
jams-entered = 🎤 Sua música está inscrita na jam **{ $theme }**. A votação fecha { DISCORD_TIME($at, style: "R") }.
jams-entry-note = É uma inscrição na jam **{ $theme }**.{ $sponsored ->
        [yes] {" "}É grátis: a jam é patrocinada.
       *[no] {""}
    }

jams-button-vote = Votar
jams-button-submit = Inscrever na jam
jams-button-closed = Votação encerrada · { jams-votes }
jams-button-cancelled = Jam cancelada

jams-started = A jam nº { $jam } está aberta em { $channel } e fecha { DISCORD_TIME($at, style: "R") }.
jams-not-a-text-channel = As jams acontecem em canais de texto: escolha um com `{ cmd-jam-start--channel }:`.
jams-cannot-post = Não consigo publicar em { $channel }; antes, me dê a permissão Enviar mensagens lá.
jams-role-not-givable = { $role } não pode ser dado a membros; escolha outro cargo para os vencedores.
jams-role-above-host = Para oferecer { $role } como prêmio, você precisa da permissão Gerenciar cargos, e ele precisa estar abaixo do seu cargo mais alto.
jams-announcement-failed = Não consegui publicar o anúncio em { $channel }, então a jam não começou. Tente de novo.
jams-role-not-yet = ⚠️ Ainda não consigo dar { $role }: preciso de Gerenciar cargos e de um cargo acima dele antes do encerramento.
jams-no-thread = Não consegui abrir um tópico para ela: preciso de Criar tópicos públicos lá.
jams-closed-cancelled = A jam nº { $jam } foi cancelada em <#{ $channel }>.
jams-closed-ended = A jam nº { $jam } foi encerrada; os resultados estão sendo publicados em <#{ $channel }>.
jams-settings-saved = Tópicos para novas jams: **{ $threads ->
        [yes] sim
       *[no] não
    }** · classificação durante uma jam: **{ $private ->
        [yes] privada
       *[no] pública
    }**.

jams-role-gone = ⚠️ O cargo dos vencedores não existe mais, então ninguém o recebeu.
jams-role-forbidden = ⚠️ Não consegui dar a <@{ $user }> o cargo { $role }: preciso de Gerenciar cargos e de um cargo acima dele.
jams-role-left = <@{ $user }> saiu do servidor, então não recebeu o cargo { $role }.
jams-role-given = 🎖️ { $names } { $count ->
        [1] agora tem
       *[other] agora têm
    } o cargo { $role }.
jams-role-audit-reason = Venceu a jam de músicas nº { $jam }

jams-picture-heading = RESULTADOS DA JAM
jams-picture-untitled-jam = Jam de músicas
jams-picture-member = um membro
jams-picture-untitled-song = Música sem título
jams-picture-description = Resultados da jam de músicas { $theme }
jams-former-member = um ex-membro

jams-duration-help = use um número e uma unidade (w, d, h ou m), como `90m`, `2d` ou `1h30m`
jams-refused-duration-missing = Dê uma duração à jam: { jams-duration-help }.
jams-refused-duration-unreadable = Não entendi `{ $text }` como duração: { jams-duration-help }.
jams-refused-duration-unit-twice = `{ $text }` repete uma unidade: { jams-duration-help }.
jams-refused-duration-short = Uma jam precisa de pelo menos { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } de minutos
       *[other] { $minutes } minutos
    }.
jams-refused-duration-long = Uma jam pode durar no máximo { $days ->
        [one] { $days } dia
        [many] { $days } de dias
       *[other] { $days } dias
    }.
jams-refused-theme-missing = Dê um tema à jam.
jams-refused-theme-long = O tema pode ter no máximo { $max } caracteres.
jams-refused-entries-range = As inscrições por membro precisam ficar entre 1 e { $max }.
jams-refused-entry-limit = Esta jam aceita { $allowed ->
        [one] uma inscrição
        [many] { $allowed } de inscrições
       *[other] { $allowed } inscrições
    } por membro, e você já inscreveu { $entries }.
jams-refused-jam-gone = Essa jam não existe mais.
jams-refused-voting-closed = A votação desta jam está encerrada.
jams-refused-not-an-entry = Essa música não é uma inscrição desta jam.
jams-refused-own-entry = Você não pode votar na sua própria inscrição.
jams-refused-same-entry = Seu voto já está nesta inscrição. Toque em { jams-button-vote } em outra para mudá-lo.
jams-refused-not-your-song = Só quem criou esta música pode inscrevê-la.
jams-refused-already-entry = Esta música já está inscrita em uma jam.
jams-refused-not-finished = Só músicas concluídas podem ser inscritas.
jams-refused-no-jam-any-more = Não há mais nenhuma jam aberta neste canal.
jams-refused-too-early = Só músicas publicadas enquanto a jam está aberta podem participar.
jams-refused-just-ended = A última jam de lá acabou de terminar e os resultados estão a caminho; tente de novo em um minuto.
jams-refused-already-open = Já há uma jam aberta lá: encerre ou cancele antes (`/{ cmd-jam } { cmd-jam-end }`, `/{ cmd-jam } { cmd-jam-cancel }`).
jams-refused-already-ended = Essa jam já terminou.
jams-refused-not-found = Não encontro essa jam neste servidor.
jams-refused-no-jam-here = Não há nenhuma jam aberta neste canal. Escolha uma com a opção `{ cmd-jam-status--jam }`.
