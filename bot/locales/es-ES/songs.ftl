# songs: comandos (nombres, descripciones, opciones). Claves: bot/core/i18n/commands.py.

cmd-song = canción
    .description = Crea una canción a partir de una pista de referencia y tu letra
cmd-song-status = estado
    .description = En qué punto está una de tus canciones.
cmd-song-status--job = trabajo
    .description = Uno de tus trabajos (por defecto: el último)
cmd-song-list = lista
    .description = Tus canciones en este servidor, las más nuevas primero, con enlaces.
cmd-song-gallery = galería
    .description = Las canciones recientes del servidor y las más votadas en jams, con enlaces.
cmd-song-cancel = cancelar
    .description = Cancela una de tus canciones antes de que se publique.
cmd-song-cancel--job = trabajo
    .description = Uno de tus trabajos sin terminar
cmd-song-create = crear
    .description = Crea una canción a partir de una pista de referencia y tu letra
cmd-song-create--reference = referencia
    .description = La pista de referencia (.mp3 o .wav, de más de 15 segundos); omítela para usar el formulario
cmd-song-create--lyrics = letra
    .description = Tu letra; ' / ' empieza una línea y ' // ' hace una pausa. Omítela para usar el formulario
cmd-song-create--style = estilo
    .description = El estilo de la canción (p. ej. 'lo-fi soñador, voz suave')
cmd-song-create--jam = jam
    .description = Inscribe la canción en esta jam (por defecto: la jam abierta de este canal, si la hay)
cmd-song-create--title = título
    .description = Un título para la canción (hasta 80 caracteres; por defecto, su primer verso)
cmd-make-a-song-from-this = Crear una canción con esto

# Lo que muestra una canción (bot/songs/card.py, text.py, engine.py, picture.py, ui/presenter.py y views.py):
# la tarjeta pública y la publicación de la canción en el idioma del servidor; /canción estado, lista,
# galería y los avisos al miembro en el de quien lee. $job: un número de trabajo (texto).

# La tarjeta. $user: el miembro (una mención que no avisa a nadie).
songs-card-label-queued = En cola
songs-card-label-making = En creación
songs-card-label-done = Lista
songs-card-label-failed = Fallida
songs-card-label-expired = Caducada
songs-card-label-cancelled = Cancelada
songs-card-state-queued = en cola
songs-card-state-making = en creación
songs-card-state-done = lista
songs-card-state-failed = fallida
songs-card-state-expired = caducada
songs-card-state-cancelled = cancelada
songs-card-heading = { $icon } **{ $state }** · canción para <@{ $user }>
songs-card-ahead = { $count ->
        [one] { $count } canción por delante de la tuya en este servidor
        [many] { $count } canciones por delante de la tuya en este servidor
       *[other] { $count } canciones por delante de la tuya en este servidor
    }
songs-card-progress = Empezó { DISCORD_TIME($started, style: "R") } · unos { $total } en total · lista { DISCORD_TIME($ready, style: "R") }
songs-card-seconds = { $seconds } s
songs-card-minutes = { $minutes } min
songs-card-minutes-seconds = { $minutes } min { $seconds } s
songs-card-cancelled = Cancelada por el miembro que la pidió.
songs-card-took = Tardó { $duration }.
songs-card-reference = Referencia
songs-card-length = Duración
songs-card-footer = Trabajo { $job } · { $state }
songs-card-untitled = Canción { $job }
songs-card-a-member = Un miembro
songs-card-song-for = Canción para <@{ $user }>
songs-card-cancel-button = Cancelar
songs-card-cancel-not-yours = Solo el miembro que pidió esta canción puede cancelarla.
songs-card-post = <@{ $user }> ¡tu canción del trabajo { $job } está lista! 🎶
songs-card-post-link = <@{ $user }> tu canción del trabajo { $job } está lista, pero es demasiado grande para subirla aquí. Descárgala (el enlace caduca en menos de un día): { $url }
songs-card-picture-new = NUEVA CANCIÓN
songs-card-picture-by = de
songs-card-picture-untitled = Canción sin título
songs-card-picture-member = un miembro de songjam

# Por qué una canción terminó sin publicarse: se guarda con el trabajo y se muestra en su tarjeta y al miembro.
songs-failure-busy = El servicio de música está saturado ahora mismo, así que no se ha cobrado nada. Vuelve a intentarlo en unos minutos.
songs-failure-unavailable = La creación de canciones no está disponible ahora mismo, así que no se ha cobrado nada. El operador del bot ya se está ocupando.
songs-failure-unknown-outcome = Perdí el contacto con el servicio de música mientras enviaba tu canción. Para que nunca se te cobre dos veces no la reenvié; tu crédito está devuelto. Vuelve a intentarlo.
songs-failure-interrupted = El bot se reinició mientras enviaba tu canción. Para que nunca se te cobre dos veces no se reenvió; tu crédito está devuelto. Vuelve a intentarlo.
songs-failure-cancelled = cancelada por ti
songs-failure-expired = El servicio de música no terminó tu canción a tiempo; tu crédito está devuelto.
songs-failure-result-lost = La canción terminada caducó antes de que pudiera descargarla; tu crédito está devuelto.
songs-failure-submit-refused = El servicio de música rechazó esta canción. Tu crédito está devuelto.
songs-failure-generation-failed = El servicio de música no pudo crear esta canción. Tu crédito está devuelto.
songs-failure-lost-track = El servicio de música perdió el rastro de esta canción. Tu crédito está devuelto.
songs-failure-bad-result = El servicio de música devolvió algo que no es una canción que yo pueda publicar. Tu crédito está devuelto.
songs-failure-undeliverable = Tu canción se creó, pero Discord no la aceptó, así que tu crédito está devuelto.
songs-failure-unfetchable = Tu canción se creó, pero no pude descargarla del servicio de música, así que tu crédito está devuelto.
songs-failure-notice = { $state ->
        [expired] Tu canción del trabajo { $job } caducó. { $reason }
        [cancelled] Tu canción del trabajo { $job } se canceló. { $reason }
       *[failed] Tu canción del trabajo { $job } falló. { $reason }
    }
songs-failure-service-said = El servicio de música dijo: { $detail }
songs-failure-fetch-link = Aún puedes descargarla mientras dure el enlace (caduca { DISCORD_TIME($at, style: "R") }): { $url }
songs-failure-channel-note = <@{ $user }> tu canción del trabajo { $job } no salió bien: `/{ cmd-song } { cmd-song-status } { cmd-song-status--job }:{ $job }` te dice por qué.

# /canción estado (privado).
songs-status-state-pending = en cola
songs-status-state-submitting = enviándose al servicio de música
songs-status-state-submitted = en cola en el servicio de música
songs-status-state-generating = generándose
songs-status-state-completed = terminando
songs-status-state-delivered = lista
songs-status-state-failed = fallida
songs-status-state-expired = caducada
songs-status-state-cancelled = cancelada
songs-status-head = **Trabajo { $job }**: { $state } · { $elapsed }
songs-status-started = empezó { DISCORD_TIME($at, style: "R") }
songs-status-took = tardó { $duration }
songs-status-ready = Lista aproximadamente { DISCORD_TIME($at, style: "R") }
songs-status-download = Descarga (caduca en menos de un día desde que se terminó): { $url }
songs-status-sent-by-dm = Te la envié por mensaje directo.
songs-status-posted = Publicada aquí: { $link }
songs-status-lyrics = Letra: { $lyrics }
songs-status-reference = Referencia: `{ $name }`
songs-status-cancel-already = El trabajo { $job } ya terminó ({ $state }).
songs-status-cancel-finished = El trabajo { $job } terminó mientras tanto.
songs-status-cancelled-refunded = El trabajo { $job } está cancelado y no se publicará. Tu crédito está devuelto.
songs-status-cancelled-charged = El trabajo { $job } está cancelado y no se publicará. La canción ya se estaba creando, así que el crédito se ha gastado.

# /canción lista (privado).
songs-list-line = `{ $job }` { $icon } { $state } · { DISCORD_TIME($at, style: "R") } · { $lyrics }
songs-list-song-link = [canción]({ $link })
songs-list-card-link = [tarjeta]({ $link })
songs-list-empty = Aún no tienes canciones aquí: prueba `/{ cmd-song } { cmd-song-create }`.
songs-list-head = **Tus canciones aquí** ({ $first }–{ $last } de { $total }, página { $page } de { $pages })

# /canción galería (privado).
songs-gallery-title-recent = Canciones recientes aquí
songs-gallery-title-top = Las mejores canciones aquí, por votos en jams
songs-gallery-empty-recent = Aún no se ha publicado ninguna canción en este servidor: crea la primera con `/{ cmd-song } { cmd-song-create }`.
songs-gallery-empty-top = Ninguna canción de aquí tiene votos de jam todavía: las entradas de una `/{ cmd-jam }` reciben botones de { jams-button-vote }.
songs-gallery-head = **{ $title }** ({ $first }–{ $last } de { $total }, página { $page } de { $pages })
songs-gallery-untitled = sin título
songs-gallery-line = **{ $rank }.** [{ $title }]({ $link }) · <@{ $user }> · { DISCORD_TIME($at, style: "R") }
songs-gallery-votes = { $count ->
        [one] { $count } voto
        [many] { $count } votos
       *[other] { $count } votos
    }

# songs: lo que escribe un miembro y las respuestas privadas de /song. Toda negativa aquí es privada y no cobra nada.

## Letra, estilo y título (bot/songs/lyrics.py)
songs-input-control-character = { $field ->
        [lyrics] Tu letra contiene
        [style] Tu descripción de estilo contiene
       *[title] Tu título contiene
    } un carácter de control (U+{ $code }), un carácter invisible que no se puede enviar. Quítalo (suele bastar con volver a escribir la línea) e inténtalo de nuevo.
songs-lyrics-empty = Tu letra está vacía. Escribe al menos una línea e inténtalo de nuevo.
songs-lyrics-too-long = Tu letra se pasa en { $over ->
        [one] { $over } carácter
        [many] { $over } de caracteres
       *[other] { $over } caracteres
    } del límite de { NUMBER($limit, useGrouping: 0) } caracteres de { $model } (la cuenta incluye { $markers ->
        [yes] los saltos de línea y las marcas ##
       *[no] los saltos de línea
    }).
songs-lyrics-too-short = Tu letra es demasiado corta: { $model } necesita al menos { $min ->
        [one] { $min } carácter
        [many] { $min } de caracteres
       *[other] { $min } caracteres
    }, y la tuya tiene { $length }.
songs-style-not-taken = El modelo musical de este bot, `{ $model }`, no admite descripción de estilo: solo letra y una pista de referencia. Quita el estilo e inténtalo de nuevo; no se ha cobrado nada.
songs-style-not-taken-only = El modelo musical de este bot, `{ $model }`, no admite descripción de estilo (admiten estilo: { $takers }): solo letra y una pista de referencia. Quita el estilo e inténtalo de nuevo; no se ha cobrado nada.
songs-style-missing = { $model } necesita una descripción de estilo, por ejemplo "synth-pop soñador, voz femenina suave". Añade una e inténtalo de nuevo.
songs-style-too-short = Tu descripción de estilo es demasiado corta: { $model } necesita al menos { $min ->
        [one] { $min } carácter
        [many] { $min } de caracteres
       *[other] { $min } caracteres
    }, y la tuya tiene { $length }.
songs-style-too-long = Tu descripción de estilo se pasa en { $over ->
        [one] { $over } carácter
        [many] { $over } de caracteres
       *[other] { $over } caracteres
    } del límite de { NUMBER($limit, useGrouping: 0) } caracteres de { $model }.
songs-title-line-break = Tu título debe caber en una línea. Quita el salto de línea e inténtalo de nuevo.
songs-title-mention = Tu título no puede mencionar a nadie (ni @everyone, ni @here, ni miembros, roles o canales). Escríbelo como texto normal e inténtalo de nuevo.
songs-title-too-long = Tu título se pasa en { $over ->
        [one] { $over } carácter
        [many] { $over } de caracteres
       *[other] { $over } caracteres
    } del límite de { $limit } caracteres.

## La pista de referencia (bot/songs/reference.py)
songs-formats-or = { $rest } o { $last }
songs-reference-wrong-extension = Usa un archivo { $formats } como pista de referencia.
songs-reference-not-audio = Discord dice que tu archivo no es audio. Usa un archivo { $formats } como pista de referencia.
songs-reference-claimed-other = Tu archivo se llama .{ $extension }, pero Discord dice que es audio { $kind }. Vuelve a exportarlo como archivo { $formats } e inténtalo de nuevo.
songs-reference-empty = Tu archivo de referencia está vacío. Vuelve a subirlo.
songs-reference-too-large = Tu archivo de referencia es demasiado grande: el límite es de { $megabytes } MB. Sube un fragmento más corto o una exportación más ligera.
songs-reference-unreadable = Ese archivo no es un audio que podamos leer. Vuelve a exportarlo como archivo { $formats } e inténtalo de nuevo.
songs-reference-misnamed = Tu archivo se llama .{ $extension }, pero en realidad es audio { $kind }. Cámbiale el nombre a .{ $real } o vuelve a exportarlo como .{ $extension }.
songs-reference-misnamed-unsupported = Tu archivo se llama .{ $extension }, pero en realidad es audio { $kind }. { $model } no admite { $kind }; usa un archivo { $formats }.
songs-reference-fetch-failed = Discord no me ha dado tu archivo; vuelve a subirlo.
songs-reference-too-short = La referencia debe durar más de { $min }; la tuya dura { $length }.
songs-reference-too-long = La referencia puede durar como mucho { $max }; la tuya es más larga. Recórtala y vuelve a subirla.
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

## /song create y «Crear una canción con esto»
songs-reference-missing = Adjunta una pista de referencia con `{ cmd-song-create--reference }:`, o ejecuta `/{ cmd-song } { cmd-song-create }` sin nada más para usar el formulario.
songs-no-audio-in-message = Ese mensaje no tiene ningún archivo de audio con el que crear una canción: necesito un archivo { $formats } adjunto.
songs-database-busy = Estoy ocupado un momento (mi base de datos está en uso), así que no se ha cobrado nada. Inténtalo de nuevo en breve.
songs-queued = En cola como trabajo { $job }.{ $note } Publicaré la canción en este canal cuando esté lista.

## /song status, list, gallery, cancel
songs-job-choice = { $job }: { $state ->
        [pending] pendiente
        [submitting] enviándose
        [submitted] enviado
        [completed] terminado
        [delivered] publicado
        [failed] fallido
        [expired] caducado
        [cancelled] cancelado
       *[other] { $state }
    } · { $reference }
songs-job-not-found = No encuentro ese trabajo entre los tuyos.
songs-list-not-yours = Solo el miembro al que pertenecen estas canciones puede pasar las páginas: ejecuta `/{ cmd-song } { cmd-song-list }` para ver las tuyas.
songs-page-previous = ‹ Anterior
songs-page-next = Siguiente ›
songs-gallery-tab-recent = Recientes
songs-gallery-tab-top = Más votadas

## El formulario
songs-form = Crear una canción
songs-form-reference = Pista de referencia
songs-form-reference-hint = Un archivo { $formats } con música y voz
songs-form-lyrics = Letra
songs-form-lyrics-hint = Hasta { $max } caracteres
songs-form-lyrics-placeholder = Un verso por línea; una línea en blanco hace una pausa.
songs-form-style = Estilo
songs-form-style-placeholder = p. ej., synth-pop alegre, voz femenina
songs-form-title = Título
songs-form-title-placeholder = Déjalo vacío para usar el primer verso de la letra
songs-form-reference-needed = Adjunta una pista de referencia.
songs-cover-form = Versión con un estilo
songs-cover-form-style-hint = De { $min } a { $max } caracteres

## Bajo una canción publicada (idioma del servidor) y la pregunta antes del último crédito (privada)
songs-button-again = Otra vez
songs-button-edit-lyrics = Editar letra
songs-button-cover = Versión con un estilo
songs-button-confirm = Confirmar
songs-button-cancel = Cancelar

## Lo que responden esos botones, en privado
songs-remake-not-yours = Solo <@{ $user }> puede { $action ->
        [again] volver a crear esta canción
        [edit] editar la letra de esta canción
       *[cover] hacer una versión de esta canción
    }. Ejecuta `/{ cmd-song } { cmd-song-create }` para crear la tuya.
songs-remake-song-gone = Ya no tengo esa canción en mis registros, así que no se ha creado nada. Ejecuta `/{ cmd-song } { cmd-song-create }` para crear una nueva.
songs-remake-reference-gone = Esa referencia ya no está en Discord: ejecuta `/{ cmd-song } { cmd-song-create }` de nuevo con el archivo. No se ha cobrado nada.
songs-remake-reference-unknown = Esa canción se creó antes de que yo guardara los datos de su referencia: ejecuta `/{ cmd-song } { cmd-song-create }` de nuevo con el archivo. No se ha cobrado nada.
songs-remake-discord-down = No he podido contactar con Discord para renovar el enlace a tu referencia, así que no se ha creado ni cobrado nada. Inténtalo de nuevo en un momento.
songs-remake-last-credit = Esto usa tu último crédito de hoy. ¿La creo?
songs-remake-making-again = Creándola otra vez…
songs-remake-not-made = No se ha creado nada ni se ha cobrado nada.
