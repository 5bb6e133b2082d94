# jams: comandos (nombres, descripciones, opciones). Claves: bot/core/i18n/commands.py.

cmd-jam = jam
    .description = Jams de canciones: un tema, un plazo, canciones y votos
cmd-jam-start = empezar
    .description = Empieza una jam: los miembros crean canciones sobre un tema hasta un plazo y votan (moderadores).
cmd-jam-start--theme = tema
    .description = De qué deben tratar las canciones
cmd-jam-start--duration = duración
    .description = Cuánto tiempo siguen abiertas las entradas y los votos, p. ej. 90m, 2d o 1h30m
cmd-jam-start--entries_per_member = entradas_por_miembro
    .description = Cuántas canciones puede inscribir cada miembro (por defecto 1)
cmd-jam-start--channel = canal
    .description = Dónde celebrar la jam (por defecto: aquí)
cmd-jam-start--sponsored = patrocinada
    .description = Las entradas no gastan canciones diarias de los miembros (por defecto: sí las gastan)
cmd-jam-start--anonymous = anónima
    .description = Oculta los votos hasta el cierre (por defecto: los votos son públicos)
cmd-jam-start--winner_role = rol_ganador
    .description = Un rol para los ganadores
cmd-jam-status = estado
    .description = El tema, el plazo y las reglas de la jam, y tus entradas y tu voto.
cmd-jam-status--jam = jam
    .description = Qué jam (por defecto: la de este canal)
cmd-jam-leaderboard = clasificación
    .description = La clasificación: en directo mientras dura la jam, final después.
cmd-jam-leaderboard--jam = jam
    .description = Qué jam (por defecto: la de este canal)
cmd-jam-end = terminar
    .description = Termina una jam ahora y publica sus resultados (moderadores).
cmd-jam-end--jam = jam
    .description = Qué jam (por defecto: la de este canal)
cmd-jam-cancel = cancelar
    .description = Detiene una jam sin resultados (moderadores).
cmd-jam-cancel--jam = jam
    .description = Qué jam (por defecto: la de este canal)
cmd-jam-history = historial
    .description = Las jams pasadas de este servidor y sus ganadores.
cmd-jam-settings = ajustes
    .description = Cómo funcionan las jams en este servidor (moderadores).
cmd-jam-settings--threads = hilos
    .description = Abre un hilo para cada jam nueva
cmd-jam-settings--private_standings = clasificación_privada
    .description = Muestra /jam clasificación solo a quien la pide mientras dura una jam

# Mensajes de las jams: bot/jams/text.py, service.py (rechazos), ui/ (respuestas, botones) y picture.py.

jams-left-days = { $days } d { $hours } h
jams-left-hours = { $hours } h { $minutes } min
jams-left-minutes = { $minutes } min
jams-choice-open = cierra en { $left }
jams-choice-cancelled = cancelada
jams-choice-ended = terminada

# $ordinal: la categoría ordinal CLDR de $rank («1.er puesto», «2.º puesto»).
jams-rank = { $ordinal ->
        [one] { $rank }.er puesto
       *[other] { $rank }.º puesto
    }
jams-rank-tied = { $place } (empate)
jams-votes = { $votes ->
        [one] { $votes } voto
        [many] { $votes } de votos
       *[other] { $votes } votos
    }
jams-entries = { $entries ->
        [one] { $entries } entrada
        [many] { $entries } de entradas
       *[other] { $entries } entradas
    }

jams-entries-rule = { $allowed ->
        [one] Una entrada
        [many] Hasta { $allowed } de entradas
       *[other] Hasta { $allowed } entradas
    } por miembro. { $sponsored ->
        [yes] Las entradas son gratis: esta jam está patrocinada.
       *[no] Las entradas cuentan para tus canciones diarias.
    }
jams-rule-make = • Crea una canción sobre el tema con `/{ cmd-song } { cmd-song-create }` { $thread ->
        [yes] en este canal o en el hilo de la jam
       *[no] en este canal
    } (o en cualquier sitio, con su opción `{ cmd-song-create--jam }`), o pulsa **{ jams-button-submit }** bajo una canción tuya publicada aquí durante la jam.
jams-rule-entries = • { $rule }
jams-rule-vote = • Vota con el botón **{ jams-button-vote }** bajo una entrada: un voto por miembro, que puedes cambiar hasta el plazo, nunca para tu propia canción.
jams-rule-standings = • { $anonymous ->
        [yes] Los votos son secretos hasta el cierre.
       *[no] Consulta la clasificación cuando quieras con `/{ cmd-jam } { cmd-jam-leaderboard }`.
    } Solo las canciones terminadas antes del plazo pueden recibir votos.
jams-rule-winners = • Los ganadores se anuncian aquí al terminar el plazo.
jams-rule-winners-role = • Los ganadores se anuncian aquí al terminar el plazo y reciben el rol <@&{ $role }>.
jams-announcement-title = 🎤 **Jam de canciones: { $theme }**
jams-announcement-host = Organiza <@{ $host }> · cierra { DISCORD_TIME($ends, style: "R") } ({ DISCORD_TIME($ends, style: "f") })
jams-thread-name = Jam: { $theme }

jams-state-open = abierta, cierra { DISCORD_TIME($at, style: "R") }
jams-state-cancelled = cancelada { DISCORD_TIME($at, style: "R") }
jams-state-ended = terminada { DISCORD_TIME($at, style: "R") }

jams-status-title = 🎤 **{ $theme }** · { $state }
jams-status-entries = { jams-entries } hasta ahora · { $rule }
jams-status-votes = { $visible ->
        [yes] Los votos son públicos: consulta `/{ cmd-jam } { cmd-jam-leaderboard }`.
       *[no] Los votos son secretos hasta el cierre.
    }
jams-status-mine = Tus entradas: { $mine } de { $allowed } · aún no has votado.
jams-status-mine-voted = Tus entradas: { $mine } de { $allowed } · votaste por el trabajo { $job }.
jams-status-announcement = Anuncio: { $link }

jams-entry-unposted = trabajo { $job } (no publicado en el servidor)
jams-entry-link = [trabajo { $job }]({ $link })
jams-standing-entry = • <@{ $user }> · { $link }
jams-standing = { $medal } **{ $place }** · <@{ $user }> · { jams-votes } · { $link }

jams-leaderboard-cancelled = 🚫 La jam **{ $theme }** se canceló, así que no tiene clasificación.
jams-leaderboard-title = 📊 **Clasificación: { $theme }** · { $state }
jams-leaderboard-empty = Todavía no hay entradas.
jams-leaderboard-secret = Los votos son secretos hasta el cierre. Las entradas hasta ahora:
jams-no-songs = No se inscribió ninguna canción.

jams-no-winner-no-songs = No se inscribió ninguna canción, así que no hay ganador.
jams-no-winner-no-votes = Nadie votó, así que no hay ganador.
jams-winners = 🏆 { $count ->
        [1] Ganador
       *[other] Ganadores, empatados en el primer puesto
    }: ¡{ $names }! Enhorabuena 🎉
jams-results-title = 🏁 **Resultados de la jam de canciones: { $theme }**
jams-results-summary = { jams-entries } · { jams-votes } · cerrada { DISCORD_TIME($at, style: "f") }
jams-cancelled = 🚫 La jam de canciones **{ $theme }** se ha cancelado. La votación está cerrada y no hay resultados.
jams-cancelled-by = 🚫 <@{ $by }> ha cancelado la jam de canciones **{ $theme }**. La votación está cerrada y no hay resultados.
jams-thread-cancelled = 🚫 Esta jam se ha cancelado.
jams-thread-over = 🏁 Esta jam ha terminado.
jams-thread-over-results = 🏁 Esta jam ha terminado: resultados { $link }

jams-history-empty = Aún no ha terminado ninguna jam en este servidor.
jams-history-title = 📜 **Jams anteriores**
jams-history-cancelled = • **{ $theme }** · cancelada { DISCORD_TIME($at, style: "D") }
jams-history-ended = • **{ $theme }** · terminada { DISCORD_TIME($at, style: "D") } · { jams-entries } · 🏆 { $winners }
jams-history-no-winner = sin ganador

jams-vote-on = 🗳️ Tu voto está en la entrada de <@{ $user }> (trabajo { $job }).
jams-vote-moved = Lo he movido desde el trabajo { $previous }.
jams-vote-count = Ahora tiene { jams-votes }.
jams-vote-until = Puedes cambiarlo hasta { DISCORD_TIME($at, style: "R") }.
jams-entered = 🎤 Tu canción está inscrita en la jam **{ $theme }**. La votación cierra { DISCORD_TIME($at, style: "R") }.
jams-entry-note = Es una entrada de la jam **{ $theme }**.{ $sponsored ->
        [yes] {" "}Es gratis: la jam está patrocinada.
       *[no] {""}
    }

jams-button-vote = Votar
jams-button-submit = Inscribir en la jam
jams-button-closed = Votación cerrada · { jams-votes }
jams-button-cancelled = Jam cancelada

jams-started = La jam n.º { $jam } está abierta en { $channel } y cierra { DISCORD_TIME($at, style: "R") }.
jams-not-a-text-channel = Las jams se celebran en canales de texto: elige uno con `{ cmd-jam-start--channel }:`.
jams-cannot-post = No puedo publicar en { $channel }; dame antes el permiso Enviar mensajes allí.
jams-role-not-givable = { $role } no se puede dar a miembros; elige otro rol para los ganadores.
jams-role-above-host = Para ofrecer { $role } como premio necesitas el permiso Gestionar roles, y el rol debe estar por debajo de tu rol más alto.
jams-announcement-failed = No pude publicar el anuncio en { $channel }, así que la jam no ha empezado. Inténtalo de nuevo.
jams-role-not-yet = ⚠️ Aún no puedo dar { $role }: necesito Gestionar roles y un rol por encima de él antes del cierre.
jams-no-thread = No pude abrir un hilo para ella: necesito el permiso Crear hilos públicos allí.
jams-closed-cancelled = La jam n.º { $jam } está cancelada en <#{ $channel }>.
jams-closed-ended = La jam n.º { $jam } está cerrada; los resultados se están publicando en <#{ $channel }>.
jams-settings-saved = Hilos para las jams nuevas: **{ $threads ->
        [yes] sí
       *[no] no
    }** · clasificación mientras dura una jam: **{ $private ->
        [yes] privada
       *[no] pública
    }**.

jams-role-gone = ⚠️ El rol para los ganadores ya no existe, así que nadie lo ha recibido.
jams-role-forbidden = ⚠️ No pude darle a <@{ $user }> el rol { $role }: necesito Gestionar roles y un rol por encima de él.
jams-role-left = <@{ $user }> se ha ido del servidor, así que no ha recibido el rol { $role }.
jams-role-given = 🎖️ { $names } { $count ->
        [1] ya tiene
       *[other] ya tienen
    } el rol { $role }.
jams-role-audit-reason = Ganó la jam de canciones n.º { $jam }

jams-picture-heading = RESULTADOS DE LA JAM
jams-picture-untitled-jam = Jam de canciones
jams-picture-member = un miembro
jams-picture-untitled-song = Canción sin título
jams-picture-description = Resultados de la jam de canciones { $theme }
jams-former-member = un antiguo miembro

jams-duration-help = usa un número y una unidad (w, d, h o m), como `90m`, `2d` o `1h30m`
jams-refused-duration-missing = Dale una duración a la jam: { jams-duration-help }.
jams-refused-duration-unreadable = No entiendo `{ $text }` como duración: { jams-duration-help }.
jams-refused-duration-unit-twice = `{ $text }` repite una unidad: { jams-duration-help }.
jams-refused-duration-short = Una jam necesita al menos { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } de minutos
       *[other] { $minutes } minutos
    }.
jams-refused-duration-long = Una jam puede durar como mucho { $days ->
        [one] { $days } día
        [many] { $days } de días
       *[other] { $days } días
    }.
jams-refused-theme-missing = Dale un tema a la jam.
jams-refused-theme-long = El tema puede tener como mucho { $max } caracteres.
jams-refused-entries-range = Las entradas por miembro deben estar entre 1 y { $max }.
jams-refused-entry-limit = Esta jam admite { $allowed ->
        [one] una entrada
        [many] { $allowed } de entradas
       *[other] { $allowed } entradas
    } por miembro, y ya has inscrito { $entries }.
jams-refused-jam-gone = Esa jam ya no existe.
jams-refused-voting-closed = La votación de esta jam está cerrada.
jams-refused-not-an-entry = Esa canción no es una entrada de esta jam.
jams-refused-own-entry = No puedes votar por tu propia entrada.
jams-refused-same-entry = Tu voto ya está en esta entrada. Pulsa { jams-button-vote } en otra para moverlo.
jams-refused-not-your-song = Solo quien creó esta canción puede inscribirla.
jams-refused-already-entry = Esta canción ya es una entrada de una jam.
jams-refused-not-finished = Solo se pueden inscribir canciones terminadas.
jams-refused-no-jam-any-more = Ya no hay ninguna jam abierta en este canal.
jams-refused-too-early = Solo pueden participar las canciones publicadas mientras la jam está abierta.
jams-refused-just-ended = La última jam de ese canal acaba de terminar y sus resultados están en camino; inténtalo de nuevo en un minuto.
jams-refused-already-open = Ya hay una jam abierta allí: termínala o cancélala antes (`/{ cmd-jam } { cmd-jam-end }`, `/{ cmd-jam } { cmd-jam-cancel }`).
jams-refused-already-ended = Esa jam ya ha terminado.
jams-refused-not-found = No encuentro esa jam en este servidor.
jams-refused-no-jam-here = No hay ninguna jam abierta en este canal. Elige una con la opción `{ cmd-jam-status--jam }`.
