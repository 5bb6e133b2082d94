# Textos compartilhados por todas as capacidades.

language-en = inglês
language-es-ES = espanhol
language-pt-BR = português (Brasil)
language-ja = japonês

core-error-cooldown = Calma aí: tente de novo { DISCORD_TIME($at, style: "R") }.
core-error-server-only = Este comando funciona em um servidor, não em mensagens diretas.
core-error-no-permission = Você não tem permissão para usar este comando.
core-error-bot-permissions = Antes, preciso destas permissões aqui: { $permissions }.
core-error-not-here = Você não pode usar este comando aqui.
core-error-bad-value = Não entendi `{ $value }` aí.
core-error-database-busy = Estou ocupado por um momento (meu banco de dados está em uso). Tente de novo daqui a pouco.
core-error-outdated-command = Este comando acabou de ser atualizado. Tente de novo em um minuto.
core-error-unexpected = Algo deu errado do meu lado; já foi registrado. Tente de novo mais tarde.
core-not-moderator = Só os moderadores de músicas deste servidor podem fazer isso.

core-more-lines = …e mais { $count }

core-permission-administrator = Administrador
core-permission-manage-guild = Gerenciar servidor
core-permission-manage-roles = Gerenciar cargos
core-permission-manage-channels = Gerenciar canais
core-permission-manage-messages = Gerenciar mensagens
core-permission-manage-threads = Gerenciar tópicos
core-permission-view-channel = Ver canais
core-permission-send-messages = Enviar mensagens
core-permission-send-messages-in-threads = Enviar mensagens em tópicos
core-permission-create-public-threads = Criar tópicos públicos
core-permission-embed-links = Inserir links
core-permission-attach-files = Anexar arquivos
core-permission-read-message-history = Ver histórico de mensagens
core-permission-add-reactions = Adicionar reações
core-permission-use-external-emojis = Usar emojis externos

core-served-by-unsharded = Atendido pelo processo `{ $process }` (uma conexão com o gateway, sem shards)
core-served-by-shards = Atendido pelo processo `{ $process }`, { $own_count ->
        [one] shard
        [many] shards
       *[other] shards
    } { $own } de { $count }
core-served-by-other-shard = Atendido pelo processo `{ $process }` ({ $own_count ->
        [one] shard
        [many] shards
       *[other] shards
    } { $own } de { $count }); este servidor está no shard { $shard }
core-served-by-this-shard = Atendido pelo processo `{ $process }`, shard { $shard } de { $count } (o shard deste servidor)
core-served-by-this-shard-of-several = Atendido pelo processo `{ $process }`, shard { $shard } de { $count } (o shard deste servidor); o processo executa os shards { $own }

core-alert-api-refused = ⚠️ A API de música recusou o bot (HTTP { $status }): os créditos acabaram ou a MUSIC_API_KEY está errada. As músicas falham (com reembolso) até isso ser corrigido.
core-alert-api-failing = ⚠️ A API de música continua falhando: { $count ->
        [one] { $count } falha temporária seguida
        [many] { $count } de falhas temporárias seguidas
       *[other] { $count } falhas temporárias seguidas
    } (ocupada, inacessível ou sem resposta a tempo). As músicas são tentadas de novo ou reembolsadas.
core-alert-global-cap = ℹ️ O limite diário global (GLOBAL_DAILY_CAP) foi atingido: os membros são recusados até ele liberar.
core-alert-loop-restarts = ⚠️ O loop em segundo plano `{ $loop }` continua reiniciando ({ $count ->
        [one] { $count } vez
        [many] { $count } de vezes
       *[other] { $count } vezes
    } em 10 minutos); veja os logs.
