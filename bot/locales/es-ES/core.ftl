# Textos compartidos por todas las capacidades.

language-en = inglés
language-es-ES = español
language-pt-BR = portugués (Brasil)
language-ja = japonés

core-error-cooldown = Ve más despacio: inténtalo de nuevo { DISCORD_TIME($at, style: "R") }.
core-error-server-only = Este comando funciona en un servidor, no en mensajes directos.
core-error-no-permission = No tienes permiso para usar este comando.
core-error-bot-permissions = Primero necesito estos permisos aquí: { $permissions }.
core-error-not-here = No puedes usar este comando aquí.
core-error-bad-value = No he entendido `{ $value }` ahí.
core-error-database-busy = Estoy ocupado un momento (mi base de datos está en uso). Vuelve a intentarlo en breve.
core-error-outdated-command = Este comando se acaba de actualizar. Vuelve a intentarlo en un minuto.
core-error-unexpected = Algo ha fallado por mi parte; ya ha quedado registrado. Vuelve a intentarlo más tarde.
core-not-moderator = Solo los moderadores de canciones de este servidor pueden hacer eso.

core-more-lines = …y { $count } más

core-permission-administrator = Administrador
core-permission-manage-guild = Gestionar servidor
core-permission-manage-roles = Gestionar roles
core-permission-manage-channels = Gestionar canales
core-permission-manage-messages = Gestionar mensajes
core-permission-manage-threads = Gestionar hilos
core-permission-view-channel = Ver canales
core-permission-send-messages = Enviar mensajes
core-permission-send-messages-in-threads = Enviar mensajes en hilos
core-permission-create-public-threads = Crear hilos públicos
core-permission-embed-links = Insertar enlaces
core-permission-attach-files = Adjuntar archivos
core-permission-read-message-history = Leer el historial de mensajes
core-permission-add-reactions = Añadir reacciones
core-permission-use-external-emojis = Usar emojis externos

core-served-by-unsharded = Atendido por el proceso `{ $process }` (una conexión al gateway, sin shards)
core-served-by-shards = Atendido por el proceso `{ $process }`, { $own_count ->
        [one] shard
        [many] shards
       *[other] shards
    } { $own } de { $count }
core-served-by-other-shard = Atendido por el proceso `{ $process }` ({ $own_count ->
        [one] shard
        [many] shards
       *[other] shards
    } { $own } de { $count }); este servidor está en el shard { $shard }
core-served-by-this-shard = Atendido por el proceso `{ $process }`, shard { $shard } de { $count } (el shard de este servidor)
core-served-by-this-shard-of-several = Atendido por el proceso `{ $process }`, shard { $shard } de { $count } (el shard de este servidor); el proceso ejecuta los shards { $own }

core-alert-api-refused = ⚠️ La API de música ha rechazado al bot (HTTP { $status }): no le quedan créditos o MUSIC_API_KEY es incorrecta. Las canciones fallan (con reembolso) hasta que se solucione.
core-alert-api-failing = ⚠️ La API de música sigue fallando: { $count ->
        [one] { $count } fallo transitorio seguido
        [many] { $count } de fallos transitorios seguidos
       *[other] { $count } fallos transitorios seguidos
    } (ocupada, inaccesible o sin respuesta a tiempo). Las canciones se reintentan o se reembolsan.
core-alert-global-cap = ℹ️ Se ha alcanzado el límite diario global (GLOBAL_DAILY_CAP): se rechaza a los miembros hasta que se libere.
core-alert-loop-restarts = ⚠️ El bucle en segundo plano `{ $loop }` se reinicia una y otra vez ({ $count ->
        [one] { $count } vez
        [many] { $count } de veces
       *[other] { $count } veces
    } en 10 minutos); consulta los registros.
