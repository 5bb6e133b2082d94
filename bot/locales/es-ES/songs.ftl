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
