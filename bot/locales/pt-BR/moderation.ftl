# moderation: comandos (nomes, descrições, opções). Chaves: bot/core/i18n/commands.py.

cmd-songadmin = adminmúsicas
    .description = Modere as músicas: cotas, créditos, banimentos, canais, palavras bloqueadas
cmd-songadmin-settings = configurações
    .description = Configurações de músicas do servidor inteiro
cmd-songadmin-settings-show = ver
    .description = Todas as configurações de músicas deste servidor de uma vez.
cmd-songadmin-settings-rights = direitos
    .description = Liga ou desliga a confirmação de direitos antes da primeira música de um membro.
cmd-songadmin-settings-rights--required = obrigatória
    .description = Pede a cada membro, uma vez, que confirme que pode usar as faixas que envia
cmd-songadmin-settings-moderator-role = cargo-moderador
    .description = Escolha o cargo que modera as músicas, além de quem tem Gerenciar servidor.
cmd-songadmin-settings-moderator-role--role = cargo
    .description = Membros com este cargo podem usar /adminmúsicas (deixe vazio para remover)
cmd-songadmin-settings-mod-log = registro-mod
    .description = Publica as ações de moderação e as letras recusadas em um canal.
cmd-songadmin-settings-mod-log--channel = canal
    .description = Onde as ações de moderação e as letras recusadas são publicadas (deixe vazio para parar)
cmd-songadmin-settings-language = idioma
    .description = O idioma das publicações deste servidor: cartões, anúncios e resultados de jams.
cmd-songadmin-settings-language--language = idioma
    .description = Um idioma disponível, ou o do servidor (Configurações do servidor › Comunidade)
choice-english = Inglês
choice-spanish = Espanhol
choice-portuguese-brazil = Português (Brasil)
choice-japanese = Japonês
choice-server-default = O do servidor
cmd-songadmin-quota = cota
    .description = Quantas músicas os membros podem criar
cmd-songadmin-quota-default = padrão
    .description = Define o número padrão de músicas por membro a cada 24 horas neste servidor.
cmd-songadmin-quota-default--songs = músicas
    .description = Músicas por membro a cada 24 horas (deixe vazio para usar o padrão do bot)
cmd-songadmin-quota-server-cap = limite-servidor
    .description = Limita as músicas que o servidor inteiro cria a cada 24 horas.
cmd-songadmin-quota-server-cap--songs = músicas
    .description = Músicas a cada 24 horas para o servidor inteiro (deixe vazio para remover o limite)
cmd-songadmin-quota-tier = nível
    .description = Dá a um cargo suas próprias músicas diárias; vale o nível mais alto do membro.
cmd-songadmin-quota-tier--role = cargo
    .description = O cargo
cmd-songadmin-quota-tier--songs = músicas
    .description = Músicas a cada 24 horas para quem tem o cargo (deixe vazio para remover)
cmd-songadmin-quota-member = membro
    .description = Define as músicas diárias de um membro; vale mais que os níveis de cargo.
cmd-songadmin-quota-member--member = membro
    .description = O membro
cmd-songadmin-quota-member--songs = músicas
    .description = As músicas dele a cada 24 horas, sejam quais forem os cargos (deixe vazio para remover)
cmd-songadmin-quota-list = lista
    .description = Os níveis de cargo e as exceções por membro.
cmd-songadmin-credits = créditos
    .description = Créditos extras e reembolsos
cmd-songadmin-credits-grant = dar
    .description = Dá a um membro músicas extras avulsas, usadas quando as diárias acabam.
cmd-songadmin-credits-grant--member = membro
    .description = Quem recebe
cmd-songadmin-credits-grant--amount = quantidade
    .description = Quantas músicas avulsas
cmd-songadmin-credits-grant--note = nota
    .description = Por quê (fica no registro de auditoria)
cmd-songadmin-credits-take = retirar
    .description = Retira créditos extras que não foram usados.
cmd-songadmin-credits-take--member = membro
    .description = De quem são os créditos extras
cmd-songadmin-credits-take--amount = quantidade
    .description = Quantos retirar
cmd-songadmin-credits-refund = reembolsar
    .description = Devolve a um membro o crédito de uma música (as que falham são reembolsadas sozinhas).
cmd-songadmin-credits-refund--job = pedido
    .description = O pedido a reembolsar
cmd-songadmin-credits-refund--note = nota
    .description = Por quê (fica no registro de auditoria)
cmd-songadmin-channels = canais
    .description = Onde as músicas podem ser criadas
cmd-songadmin-channels-add = adicionar
    .description = Permite músicas em um canal; com algum definido, só os canais de músicas as aceitam.
cmd-songadmin-channels-add--channel = canal
    .description = Depois, músicas só poderão ser criadas nos canais de músicas (e seus tópicos)
cmd-songadmin-channels-remove = remover
    .description = Deixa de permitir músicas em um canal; sem nenhum, todos os canais as aceitam.
cmd-songadmin-channels-remove--channel = canal
    .description = Um canal de músicas
cmd-songadmin-channels-list = lista
    .description = Os canais onde as músicas podem ser criadas.
cmd-songadmin-words = palavras
    .description = Palavras recusadas nas letras
cmd-songadmin-words-add = adicionar
    .description = Recusa letras com uma palavra ou frase (os membros não sabem qual).
cmd-songadmin-words-add--word = palavra
    .description = Uma palavra ou frase; valem palavras inteiras, * vale qualquer letra (ex.: ódio*)
cmd-songadmin-words-remove = remover
    .description = Permite de novo uma palavra bloqueada.
cmd-songadmin-words-remove--word = palavra
    .description = Uma palavra ou frase bloqueada
cmd-songadmin-words-list = lista
    .description = As palavras e frases bloqueadas (só você as vê).
cmd-songadmin-ban = banir
    .description = Impede um membro de criar músicas neste servidor.
cmd-songadmin-ban--member = membro
    .description = O membro
cmd-songadmin-ban--reason = motivo
    .description = Por quê; o membro vê quando é recusado
cmd-songadmin-ban--days = dias
    .description = Por quantos dias (deixe vazio: até o desbanimento)
cmd-songadmin-unban = desbanir
    .description = Deixa um membro banido criar músicas de novo.
cmd-songadmin-unban--member = membro
    .description = O membro
cmd-songadmin-bans = banidos
    .description = Os membros impedidos de criar músicas.
cmd-songadmin-usage = uso
    .description = Músicas por membro nos últimos 7 dias.
cmd-songadmin-usage--member = membro
    .description = Um membro em detalhe (deixe vazio para ver todos)
cmd-songadmin-usage--csv = csv
    .description = Anexa também os últimos 7 dias de cada membro como arquivo CSV
cmd-songadmin-audit = auditoria
    .description = Cada ação de moderação: quem, o quê e quando, da mais nova para a mais antiga.
cmd-songadmin-audit--member = membro
    .description = Só as ações feitas por este membro ou sobre ele
cmd-quota = cota
    .description = Quantas músicas você ainda tem e quando a próxima fica livre.

# /songadmin settings language
moderation-language-set = As publicações deste servidor (cartões de músicas, anúncios e resultados de jams) agora estão em { $language }. As respostas privadas continuam no idioma do Discord de cada membro.
moderation-language-cleared = As publicações deste servidor agora seguem o idioma do próprio servidor (Configurações do servidor › Comunidade), ou inglês se o bot não falar esse idioma.
moderation-language-unchanged = Essa já é a configuração de idioma deste servidor.
moderation-language-audit-set = definiu o idioma das publicações como { $language }
moderation-language-audit-cleared = fez as publicações seguirem o idioma do servidor
moderation-overview-language = Idioma das publicações: { $language }
moderation-overview-language-server = o do servidor (Configurações do servidor › Comunidade)

# Recusas que um membro lê em privado
moderation-refusal-lifts = { $refusal } A restrição termina { DISCORD_TIME($at, style: "R") }.
moderation-refusal-frees-up = { $refusal } Libera { DISCORD_TIME($at, style: "R") }.
moderation-refusal-banned = Um moderador impediu você de criar músicas neste servidor. Motivo: { $reason }.
moderation-refusal-channels = Neste servidor, só é possível criar músicas em { $channels }.
moderation-refusal-channels-more = Neste servidor, só é possível criar músicas em { $channels } e mais { $more }.
moderation-refusal-blocked = Sua letra contém uma palavra ou frase que este servidor não permite, então nada foi enviado nem cobrado. Altere a letra e tente de novo.
moderation-refusal-global-cap = O bot atingiu o limite diário de músicas de todos os servidores.
moderation-refusal-guild-cap = Este servidor atingiu o limite diário de músicas.
moderation-refusal-member-unfinished = { $count ->
    [one] Você já tem { $count } música em andamento; espere ela terminar.
    [many] Você já tem { $count } músicas em andamento; espere uma terminar.
   *[other] Você já tem { $count } músicas em andamento; espere uma terminar.
}
moderation-refusal-guild-unfinished = Este servidor tem músicas demais em andamento; tente de novo em alguns minutos.
moderation-refusal-cooldown = Você precisa esperar um pouco entre uma música e outra.
moderation-refusal-jam-closed = A jam fechou antes de sua música entrar, então nada foi criado.
moderation-refusal-jam-entries = { $count ->
    [one] Você já inscreveu { $count } música nesta jam, o máximo que ela aceita.
    [many] Você já inscreveu { $count } músicas nesta jam, o máximo que ela aceita.
   *[other] Você já inscreveu { $count } músicas nesta jam, o máximo que ela aceita.
}
moderation-refusal-member-daily = { $count ->
    [0] Você já usou todas as suas { $count } músicas das últimas 24 horas.
    [one] Você já usou sua { $count } música das últimas 24 horas.
    [many] Você já usou todas as suas { $count } músicas das últimas 24 horas.
   *[other] Você já usou todas as suas { $count } músicas das últimas 24 horas.
}

# Confirmação de direitos antes da primeira música
moderation-rights-question = Antes da sua primeira música neste servidor: confirme que você tem o direito de usar as faixas que envia como referência (você as fez, ou quem é dono delas permitiu). Vou lembrar da sua resposta.
moderation-rights-too-many-held = (Você já tem músicas esperando esta resposta, então esta não foi guardada: depois de confirmar, use `/{ cmd-song } { cmd-song-create }` de novo.)
moderation-rights-button = Tenho o direito de usar minhas faixas
moderation-rights-confirmed = ✅ Você confirmou { DISCORD_TIME($at, style: "f") } que pode usar as faixas que envia aqui.
moderation-rights-confirmed-again = ✅ Você confirmou { DISCORD_TIME($at, style: "f") } que pode usar as faixas que envia aqui. Use `/{ cmd-song } { cmd-song-create }` de novo para criar sua música.

# De onde vem a cota diária de um membro
moderation-limit-override-you = Este é um limite definido só para você.
moderation-limit-override-them = Este é um limite definido só para este membro.
moderation-limit-tier-you = Este limite vem do seu cargo <@&{ $role }>.
moderation-limit-tier-them = Este limite vem do cargo <@&{ $role }> do membro.
moderation-limit-server = Este é o limite padrão do servidor.
moderation-limit-bot = Este é o limite padrão do bot.

# Respostas de /{ cmd-songadmin } e detalhes da auditoria
moderation-not-owner = Só membros com Gerenciar servidor podem escolher o cargo de moderador.
moderation-audit-quota-default-reset = { $count ->
    [one] voltou o padrão do servidor ao do bot ({ $count } música a cada 24 horas)
    [many] voltou o padrão do servidor ao do bot ({ $count } músicas a cada 24 horas)
   *[other] voltou o padrão do servidor ao do bot ({ $count } músicas a cada 24 horas)
}
moderation-audit-quota-default = { $count ->
    [one] definiu o padrão do servidor em { $count } música a cada 24 horas
    [many] definiu o padrão do servidor em { $count } músicas a cada 24 horas
   *[other] definiu o padrão do servidor em { $count } músicas a cada 24 horas
}
moderation-quota-default-bot = { $count ->
    [one] Os membros daqui agora têm o padrão do bot, { $count } música a cada 24 horas. Níveis de cargo e exceções por membro continuam valendo primeiro.
    [many] Os membros daqui agora têm o padrão do bot, { $count } músicas a cada 24 horas. Níveis de cargo e exceções por membro continuam valendo primeiro.
   *[other] Os membros daqui agora têm o padrão do bot, { $count } músicas a cada 24 horas. Níveis de cargo e exceções por membro continuam valendo primeiro.
}
moderation-quota-default-set = { $count ->
    [one] Os membros daqui agora têm { $count } música a cada 24 horas. Níveis de cargo e exceções por membro continuam valendo primeiro.
    [many] Os membros daqui agora têm { $count } músicas a cada 24 horas. Níveis de cargo e exceções por membro continuam valendo primeiro.
   *[other] Os membros daqui agora têm { $count } músicas a cada 24 horas. Níveis de cargo e exceções por membro continuam valendo primeiro.
}
moderation-quota-default-unchanged = Esse já é o padrão do servidor.
moderation-audit-cap-removed = removeu o limite diário do servidor
moderation-audit-cap-set = { $count ->
    [one] definiu o limite diário do servidor em { $count } música a cada 24 horas
    [many] definiu o limite diário do servidor em { $count } músicas a cada 24 horas
   *[other] definiu o limite diário do servidor em { $count } músicas a cada 24 horas
}
moderation-cap-removed = Este servidor não tem limite diário próprio.
moderation-cap-removed-operator = { $operator ->
    [one] Este servidor não tem limite diário próprio (o operador do bot limita cada servidor a { $operator } música).
    [many] Este servidor não tem limite diário próprio (o operador do bot limita cada servidor a { $operator } músicas).
   *[other] Este servidor não tem limite diário próprio (o operador do bot limita cada servidor a { $operator } músicas).
}
moderation-cap-set = { $count ->
    [one] Este servidor agora pode criar no máximo { $count } música a cada 24 horas.
    [many] Este servidor agora pode criar no máximo { $count } músicas a cada 24 horas.
   *[other] Este servidor agora pode criar no máximo { $count } músicas a cada 24 horas.
}
moderation-cap-set-operator = { $count ->
    [one] Este servidor agora pode criar no máximo { $count } música a cada 24 horas
    [many] Este servidor agora pode criar no máximo { $count } músicas a cada 24 horas
   *[other] Este servidor agora pode criar no máximo { $count } músicas a cada 24 horas
} { $operator ->
    [one] (o operador do bot limita cada servidor a { $operator } música).
    [many] (o operador do bot limita cada servidor a { $operator } músicas).
   *[other] (o operador do bot limita cada servidor a { $operator } músicas).
}
moderation-cap-unchanged = Esse já é o limite do servidor.
moderation-audit-tier-removed = removeu o nível de <@&{ $role }>
moderation-tier-none = <@&{ $role }> não tem nível.
moderation-tier-removed = <@&{ $role }> não tem mais nível.
moderation-error-too-many-tiers = Um servidor pode ter no máximo { $max } níveis de cargo; remova um antes.
moderation-audit-tier-set = { $count ->
    [one] definiu o nível de <@&{ $role }> em { $count } música a cada 24 horas
    [many] definiu o nível de <@&{ $role }> em { $count } músicas a cada 24 horas
   *[other] definiu o nível de <@&{ $role }> em { $count } músicas a cada 24 horas
}
moderation-tier-unchanged = <@&{ $role }> já tem esse nível.
moderation-tier-set = { $count ->
    [one] Membros com <@&{ $role }> agora têm { $count } música a cada 24 horas (vale o nível mais alto do membro; uma exceção por membro vale mais que os níveis).
    [many] Membros com <@&{ $role }> agora têm { $count } músicas a cada 24 horas (vale o nível mais alto do membro; uma exceção por membro vale mais que os níveis).
   *[other] Membros com <@&{ $role }> agora têm { $count } músicas a cada 24 horas (vale o nível mais alto do membro; uma exceção por membro vale mais que os níveis).
}
moderation-audit-override-removed = removeu a exceção de <@{ $user }>
moderation-override-none = <@{ $user }> não tem exceção.
moderation-override-removed = <@{ $user }> volta ao nível do cargo ou ao padrão do servidor.
moderation-audit-override-set = { $count ->
    [one] definiu o limite de <@{ $user }> em { $count } música a cada 24 horas
    [many] definiu o limite de <@{ $user }> em { $count } músicas a cada 24 horas
   *[other] definiu o limite de <@{ $user }> em { $count } músicas a cada 24 horas
}
moderation-override-unchanged = <@{ $user }> já tem esse limite.
moderation-override-set = { $count ->
    [one] <@{ $user }> agora tem { $count } música a cada 24 horas, sejam quais forem seus cargos.
    [many] <@{ $user }> agora tem { $count } músicas a cada 24 horas, sejam quais forem seus cargos.
   *[other] <@{ $user }> agora tem { $count } músicas a cada 24 horas, sejam quais forem seus cargos.
}
moderation-audit-grant = { $count ->
    [one] deu a <@{ $user }> { $count } crédito extra
    [many] deu a <@{ $user }> { $count } créditos extras
   *[other] deu a <@{ $user }> { $count } créditos extras
}
moderation-audit-grant-note = { $count ->
    [one] deu a <@{ $user }> { $count } crédito extra ({ $note })
    [many] deu a <@{ $user }> { $count } créditos extras ({ $note })
   *[other] deu a <@{ $user }> { $count } créditos extras ({ $note })
}
moderation-grant-done = { $count ->
    [one] <@{ $user }> agora tem { $count } crédito extra; eles são usados quando as músicas diárias acabam.
    [many] <@{ $user }> agora tem { $count } créditos extras; eles são usados quando as músicas diárias acabam.
   *[other] <@{ $user }> agora tem { $count } créditos extras; eles são usados quando as músicas diárias acabam.
}
moderation-take-none = <@{ $user }> não tem créditos extras.
moderation-audit-take = { $count ->
    [one] tirou { $count } crédito extra de <@{ $user }>
    [many] tirou { $count } créditos extras de <@{ $user }>
   *[other] tirou { $count } créditos extras de <@{ $user }>
}
moderation-take-done = { $count ->
    [one] { $count } crédito extra retirado;
    [many] { $count } créditos extras retirados;
   *[other] { $count } créditos extras retirados;
} { $left ->
    [one] <@{ $user }> ainda tem { $left } crédito extra.
    [many] <@{ $user }> ainda tem { $left } créditos extras.
   *[other] <@{ $user }> ainda tem { $left } créditos extras.
}
moderation-error-no-job = Não existe o trabalho { $job } neste servidor.
moderation-refund-free = O trabalho { $job } foi gratuito; não há nada a reembolsar.
moderation-refund-already = O trabalho { $job } já foi reembolsado.
moderation-audit-refund = reembolsou o trabalho { $job } de <@{ $user }>
moderation-audit-refund-note = reembolsou o trabalho { $job } de <@{ $user }> ({ $note })
moderation-refund-bonus = Trabalho { $job } reembolsado: o crédito extra voltou (<@{ $user }>).
moderation-refund-quota = Trabalho { $job } reembolsado: a música não conta mais na cota (<@{ $user }>).
moderation-error-ban-reason = Informe um motivo; o membro vai vê-lo.
moderation-error-ban-self = Você não pode se bloquear.
moderation-audit-ban = bloqueou <@{ $user }>: { $reason }
moderation-audit-ban-until = bloqueou <@{ $user }> até { DISCORD_TIME($at, style: "f") }: { $reason }
moderation-ban-done = <@{ $user }> não pode mais criar músicas aqui até ser desbloqueado. Vai ver: { $reason }
moderation-ban-done-until = <@{ $user }> não pode criar músicas aqui até { DISCORD_TIME($at, style: "f") }. Vai ver: { $reason }
moderation-audit-unban = desbloqueou <@{ $user }>
moderation-unban-none = <@{ $user }> não está bloqueado.
moderation-unban-done = <@{ $user }> pode criar músicas aqui de novo.
moderation-error-too-many-channels = No máximo { $max } canais de músicas; remova um antes.
moderation-audit-channel-add = permitiu músicas em <#{ $channel }>
moderation-channel-already = <#{ $channel }> já é um canal de músicas.
moderation-channel-added = Agora só é possível criar músicas em: { $channels } (e seus tópicos).
moderation-audit-channel-remove = deixou de permitir músicas em <#{ $channel }>
moderation-channel-not = <#{ $channel }> não é um canal de músicas.
moderation-channel-none-left = Não sobrou nenhum canal de músicas, então é possível criar músicas em qualquer canal de novo.
moderation-channel-removed = Agora só é possível criar músicas em: { $channels }.
moderation-error-too-many-words = A lista aceita no máximo { $max } entradas; remova algumas antes.
moderation-error-word-empty = Uma palavra bloqueada precisa de pelo menos uma letra ou dígito.
moderation-error-word-long = Uma palavra bloqueada pode ter no máximo { $max } caracteres.
moderation-error-word-wildcards = Uma palavra bloqueada pode ter no máximo { $max } curingas `*`.
moderation-audit-word-add = bloqueou `{ $entry }`
moderation-word-already = `{ $entry }` já está bloqueada.
moderation-word-added = `{ $entry }` bloqueada: letras que a contêm são recusadas (sem dizer qual).
moderation-audit-word-remove = desbloqueou `{ $entry }`
moderation-word-not = `{ $entry }` não está na lista.
moderation-word-removed = `{ $entry }` desbloqueada.
moderation-audit-rights-on = ativou a confirmação de direitos
moderation-audit-rights-off = desativou a confirmação de direitos
moderation-rights-on = Os membros precisam confirmar uma vez, antes da primeira música, que podem usar as faixas que enviam.
moderation-rights-off = Os membros não precisam mais confirmar seus direitos sobre as faixas de referência.
moderation-rights-unchanged-on = A confirmação de direitos já está ativada.
moderation-rights-unchanged-off = A confirmação de direitos já está desativada.
moderation-audit-role-removed = removeu o cargo de moderador
moderation-role-removed = Agora só membros com Gerenciar servidor podem moderar músicas.
moderation-audit-role-set = definiu <@&{ $role }> como cargo de moderador
moderation-role-set = Membros com <@&{ $role }> agora podem usar /{ cmd-songadmin }. Para que vejam o comando, permita-o para o cargo em Configurações do servidor › Integrações.
moderation-role-unchanged = Esse já é o cargo de moderador.
moderation-audit-modlog-off = desativou o registro de moderação
moderation-modlog-off = As ações de moderação não são mais publicadas em um canal.
moderation-audit-modlog-set = definiu o registro de moderação em <#{ $channel }>
moderation-modlog-set = As ações de moderação e as letras recusadas serão publicadas em <#{ $channel }>.
moderation-modlog-unchanged = Essa já é a configuração do registro de moderação.
moderation-usage-csv = { $count ->
    [one] Músicas por membro, últimos { $days } dias ({ $count } membro); horários em UTC.
    [many] Músicas por membro, últimos { $days } dias ({ $count } membros); horários em UTC.
   *[other] Músicas por membro, últimos { $days } dias ({ $count } membros); horários em UTC.
}

# Registro de moderação (público, no idioma do servidor)
moderation-modlog-action = 🛡️ <@{ $actor }> { $details }
moderation-modlog-blocked = 🚫 Letra recusada de <@{ $user }> em <#{ $channel }>: corresponde à entrada bloqueada `{ $entry }`.

# Listas de moderação (privadas, uma página por vez)
moderation-list-header = **{ $title }**
moderation-list-header-paged = **{ $title }** · página { $page } de { $pages }
moderation-list-empty = Nada aqui ainda.
moderation-list-previous = ‹ Anterior
moderation-list-next = Próxima ›
moderation-list-audit = Ações de moderação, as mais recentes primeiro
moderation-list-audit-about = Ações de moderação sobre <@{ $user }>, as mais recentes primeiro
moderation-audit-line = { DISCORD_TIME($at, style: "f") } <@{ $actor }> { $details }
moderation-list-quotas = Níveis de cargo (vale o mais alto) e exceções por membro (valem mais que os níveis)
moderation-list-tier-line = { $count ->
    [one] <@&{ $role }> · { $count } música a cada 24 horas
    [many] <@&{ $role }> · { $count } músicas a cada 24 horas
   *[other] <@&{ $role }> · { $count } músicas a cada 24 horas
}
moderation-list-override-line = { $count ->
    [one] <@{ $user }> · { $count } música a cada 24 horas (exceção)
    [many] <@{ $user }> · { $count } músicas a cada 24 horas (exceção)
   *[other] <@{ $user }> · { $count } músicas a cada 24 horas (exceção)
}
moderation-list-bans = Membros impedidos de criar músicas
moderation-ban-line = <@{ $user }> · { $until } · por <@{ $by }> { DISCORD_TIME($at, style: "R") } · { $reason }
moderation-ban-until = até { DISCORD_TIME($at, style: "R") }
moderation-ban-no-end = sem data de fim
moderation-list-channels = Canais de músicas
moderation-list-channels-none = Canais de músicas: nenhum, então é possível criar músicas em qualquer canal
moderation-list-channel-line = <#{ $channel }> · adicionado por <@{ $by }> { DISCORD_TIME($at, style: "R") }
moderation-list-words = Palavras bloqueadas
moderation-list-word-line = `{ $entry }` · adicionada por <@{ $by }> { DISCORD_TIME($at, style: "R") }
moderation-list-usage = Músicas por membro, últimos { $days } dias
moderation-usage-charged = { $count ->
    [one] { $count } música
    [many] { $count } músicas
   *[other] { $count } músicas
}
moderation-usage-charged-bonus = { $count ->
    [one] { $count } música
    [many] { $count } músicas
   *[other] { $count } músicas
} ({ $bonus } extra)
moderation-usage-refunded = { $count ->
    [one] { $count } reembolsada
    [many] { $count } reembolsadas
   *[other] { $count } reembolsadas
}
moderation-usage-failed = { $count ->
    [one] { $count } com falha
    [many] { $count } com falha
   *[other] { $count } com falha
}
moderation-usage-unfinished = { $count } em andamento
moderation-usage-last = última { DISCORD_TIME($at, style: "R") }

# /quota e a visão de um membro para moderadores (privadas)
moderation-quota-used-unlimited = Usadas **{ $used }** nas últimas 24 horas (sem limite diário)
moderation-quota-used = Usadas **{ $used }** de **{ $limit }** nas últimas 24 horas · restam **{ $left }**
moderation-quota-bonus-you = { $count ->
    [one] Você tem **{ $count } crédito extra**, usado quando as músicas diárias acabam
    [many] Você tem **{ $count } créditos extras**, usados quando as músicas diárias acabam
   *[other] Você tem **{ $count } créditos extras**, usados quando as músicas diárias acabam
}
moderation-quota-bonus-them = { $count ->
    [one] Tem **{ $count } crédito extra**, usado quando as músicas diárias acabam
    [many] Tem **{ $count } créditos extras**, usados quando as músicas diárias acabam
   *[other] Tem **{ $count } créditos extras**, usados quando as músicas diárias acabam
}
moderation-quota-next-free = O próximo crédito libera { DISCORD_TIME($at, style: "R") }
moderation-quota-in-progress = Em andamento: **{ $count }**
moderation-quota-in-progress-limited = Em andamento: **{ $count }** (no máximo { $limit } ao mesmo tempo)
moderation-quota-cooldown = Espera: a próxima música pode começar { DISCORD_TIME($at, style: "R") }
moderation-standing-title-you = **Suas músicas neste servidor**
moderation-standing-title-them = **Músicas de <@{ $user }>**
moderation-standing-server-cap = { $count ->
    [one] O servidor criou { $used } de sua { $count } música das últimas 24 horas.
    [many] O servidor criou { $used } de suas { $count } músicas das últimas 24 horas.
   *[other] O servidor criou { $used } de suas { $count } músicas das últimas 24 horas.
}
moderation-standing-barred-you = ⛔ Você está impedido de criar músicas aqui: { $reason }
moderation-standing-barred-you-until = ⛔ Você está impedido de criar músicas aqui até { DISCORD_TIME($at, style: "R") }: { $reason }
moderation-standing-barred-them = ⛔ Impedido de criar músicas aqui: { $reason }
moderation-standing-barred-them-until = ⛔ Impedido de criar músicas aqui até { DISCORD_TIME($at, style: "R") }: { $reason }
moderation-standing-channels = É possível criar músicas em: { $channels }
moderation-standing-rights = Direitos confirmados { DISCORD_TIME($at, style: "f") }
moderation-standing-no-rights = Ainda não confirmou os direitos
moderation-standing-week = { $count ->
    [one] Últimos { $days } dias: { $count } música cobrada
    [many] Últimos { $days } dias: { $count } músicas cobradas
   *[other] Últimos { $days } dias: { $count } músicas cobradas
} ({ $bonus ->
    [one] { $bonus } crédito extra usado
    [many] { $bonus } créditos extras usados
   *[other] { $bonus } créditos extras usados
}), { $refunded } reembolsadas, { $delivered } entregues, { $failed } com falha
moderation-standing-recent = Trabalhos recentes:

# /{ cmd-songadmin } settings show
moderation-overview-title = **Configurações de músicas deste servidor**
moderation-overview-songs = { $count ->
    [one] { $count } música
    [many] { $count } músicas
   *[other] { $count } músicas
}
moderation-overview-default-server = { $count ->
    [one] { $count } música (padrão deste servidor)
    [many] { $count } músicas (padrão deste servidor)
   *[other] { $count } músicas (padrão deste servidor)
}
moderation-overview-default-bot = { $count ->
    [one] { $count } música (padrão do bot)
    [many] { $count } músicas (padrão do bot)
   *[other] { $count } músicas (padrão do bot)
}
moderation-overview-none-here = nenhum definido aqui
moderation-overview-none = nenhum
moderation-overview-default = Músicas por membro a cada 24 horas: { $default }
moderation-overview-tiers = Níveis de cargo: { $tiers } · exceções por membro: { $overrides } (`/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-list }`)
moderation-overview-caps = Limite diário deste servidor: { $server } · definido pelo operador do bot: { $operator_server } por servidor, { $operator_all } no total
moderation-overview-unfinished = Em andamento ao mesmo tempo: { $member } por membro, { $server } por servidor · { $cooldown } s entre as músicas de um membro
moderation-overview-channels = Canais de músicas: { $channels }
moderation-overview-channels-any = Canais de músicas: qualquer canal
moderation-overview-words = Palavras bloqueadas: { $count } (`/{ cmd-songadmin } { cmd-songadmin-words } { cmd-songadmin-words-list }`)
moderation-overview-rights-on = Confirmação de direitos antes da primeira música de um membro: ativada
moderation-overview-rights-off = Confirmação de direitos antes da primeira música de um membro: desativada
moderation-overview-role = Cargo de moderador: <@&{ $role }>
moderation-overview-role-none = Cargo de moderador: nenhum (membros com Gerenciar servidor)
moderation-overview-modlog = Registro de moderação: <#{ $channel }>
moderation-overview-modlog-off = Registro de moderação: desativado

# As boas-vindas quando o bot entra em um servidor (bot/moderation/ui/welcome.py), no idioma do servidor.
moderation-welcome-here = 👋 Obrigado por adicionar o songjam aqui! Os membros transformam uma faixa de referência e a letra deles em uma música com `/{ cmd-song } { cmd-song-create }` e podem inscrever músicas em jams.
moderation-welcome-to = 👋 Obrigado por adicionar o songjam a **{ $server }**! Os membros transformam uma faixa de referência e a letra deles em uma música com `/{ cmd-song } { cmd-song-create }` e podem inscrever músicas em jams.
moderation-welcome-steps = Moderadores (Gerenciar servidor), três passos para configurar:
moderation-welcome-channels = **1. Canais de músicas**: `/{ cmd-songadmin } { cmd-songadmin-channels } { cmd-songadmin-channels-add } { cmd-songadmin-channels-add--channel }:` escolhe onde as músicas podem ser criadas (até você adicionar um, qualquer canal serve).
moderation-welcome-quotas = **2. Cotas**: `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-default } { cmd-songadmin-quota-default--songs }:` define as músicas de cada membro a cada 24 horas; `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-tier }` dá a um cargo a própria cota e `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-server-cap }` limita o servidor inteiro.
moderation-welcome-modlog = **3. Registro de moderação**: `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-mod-log } { cmd-songadmin-settings-mod-log--channel }:` posta em um canal as ações dos moderadores e as letras recusadas.
moderation-welcome-more = `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-show }` mostra todas as configurações, e `/{ cmd-help }` explica todo o resto.
