# help: comandos y páginas de /ayuda. Los nombres de comandos se toman de sus traducciones.

cmd-help = ayuda
    .description = Qué hace este bot: canciones, cuotas, jams y comandos de moderación.

help-label-songs = Canciones
help-label-quota = Cuotas
help-label-jams = Jams
help-label-moderators = Moderación

help-songs-title = **Canciones**: crea una canción a partir de una pista de referencia y tu letra.
help-songs-inline = • `/{ cmd-song } { cmd-song-create } { cmd-song-create--reference }:<archivo> { cmd-song-create--lyrics }:<texto>`: letra en línea; ` / ` empieza una línea nueva, ` // ` hace una pausa.
help-songs-form = • `/{ cmd-song } { cmd-song-create }` (con `{ cmd-song-create--reference }:` si quieres): un formulario para el archivo y una letra de varias líneas.
help-songs-style = • `{ cmd-song-create--style }:` describe el sonido (de { $min } a { $max } caracteres).
help-songs-title-option = • `title:` da nombre a la canción (hasta 80 caracteres; por defecto, su primer verso).
help-songs-next-steps = • Bajo tu canción terminada: **Otra vez** (una canción nueva, igual en todo), **Editar letra**{ $cover ->
        [yes] , **Versión con un estilo**
       *[no] {""}
    }; cada una cuenta como una canción nueva.
help-songs-from-message = • En cualquier mensaje con un archivo de audio: Apps › **{ cmd-make-a-song-from-this }**.
help-songs-jam = • `{ cmd-song-create--jam }:` inscribe la canción en una jam (por defecto: la jam abierta del canal, si la hay).
help-songs-status = • `/{ cmd-song } { cmd-song-status } [{ cmd-song-status--job }]`: en qué punto está una de tus canciones.
help-songs-list = • `/{ cmd-song } { cmd-song-list }`: todas tus canciones aquí, las más nuevas primero, con enlaces.
help-songs-gallery = • `/{ cmd-song } { cmd-song-gallery }`: las canciones recientes de este servidor y las más votadas en jams, con enlaces.
help-songs-cancel = • `/{ cmd-song } { cmd-song-cancel } { cmd-song-cancel--job }`: cancela una canción antes de que se publique (o usa el botón Cancelar de su tarjeta).
help-songs-length-min = de más de { $min } segundos
help-songs-length-range = de más de { $min } segundos y hasta { $max } segundos
help-songs-limits = Referencia: { $formats }, { $length }, hasta { $megabytes } MB. Letra: de { $lyrics_min } a { $lyrics_max } caracteres tal como se envía. Un envío incorrecto no cuesta nada.

help-quota-title = **Cuotas**: cuántas canciones puedes crear.
help-quota-command = • `/{ cmd-quota }`: canciones usadas y restantes en las últimas 24 horas, cuándo se libera la siguiente, canciones en curso.
help-quota-cooldown = { $seconds } segundos entre canciones
help-quota-no-cooldown = sin espera entre canciones
help-quota-limits = Por defecto { $daily ->
        [one] { $daily } canción
        [many] { $daily } de canciones
       *[other] { $daily } canciones
    } al día (la moderación puede fijar otra cifra por servidor, rol o miembro, y dar créditos extra), hasta { $unfinished } en curso a la vez, { $cooldown }; el servidor y el bot también tienen límites diarios.
help-quota-refund = Una canción que falla por un motivo ajeno a ti te devuelve el crédito.
help-quota-rights = Tu primera canción aquí te pide confirmar, con un botón, que puedes usar las pistas que subes.

help-jams-title = **Jams**: un tema, un plazo, canciones y votos.
help-jams-enter = • `/{ cmd-song } { cmd-song-create }` en el canal (o hilo) de una jam crea una entrada; cada entrada recibe un botón Votar.
help-jams-status = • `/{ cmd-jam } { cmd-jam-status } [{ cmd-jam-status--jam }]`: la jam abierta.
help-jams-leaderboard = • `/{ cmd-jam } { cmd-jam-leaderboard } [{ cmd-jam-leaderboard--jam }]`: la clasificación en directo.
help-jams-history = • `/{ cmd-jam } { cmd-jam-history }`: las jams pasadas y sus ganadores.
help-jams-results = Los resultados se publican al llegar el plazo.

help-moderators-title = **Moderación** (Gestionar servidor, o el rol de moderación):
help-moderators-jams = • `/{ cmd-jam } { cmd-jam-start } { cmd-jam-start--theme } { cmd-jam-start--duration } [{ cmd-jam-start--entries_per_member }] [{ cmd-jam-start--channel }] [{ cmd-jam-start--sponsored }] [{ cmd-jam-start--anonymous }] [{ cmd-jam-start--winner_role }]`, `/{ cmd-jam } { cmd-jam-end }`, `/{ cmd-jam } { cmd-jam-cancel }`, `/{ cmd-jam } { cmd-jam-settings }`: organizar jams.
help-moderators-settings = • `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-show }|{ cmd-songadmin-settings-rights }|{ cmd-songadmin-settings-moderator-role }|{ cmd-songadmin-settings-mod-log }|{ cmd-songadmin-settings-language }`: ajustes de todo el servidor.
help-moderators-quota = • `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-default }|{ cmd-songadmin-quota-server-cap }|{ cmd-songadmin-quota-tier }|{ cmd-songadmin-quota-member }|{ cmd-songadmin-quota-list }`: cuántas canciones pueden crear los miembros.
help-moderators-credits = • `/{ cmd-songadmin } { cmd-songadmin-credits } { cmd-songadmin-credits-grant }|{ cmd-songadmin-credits-take }|{ cmd-songadmin-credits-refund }`: créditos extra y reembolsos.
help-moderators-bans = • `/{ cmd-songadmin } { cmd-songadmin-ban }|{ cmd-songadmin-unban }|{ cmd-songadmin-bans }`: vetos con un motivo.
help-moderators-channels = • `/{ cmd-songadmin } { cmd-songadmin-channels } { cmd-songadmin-channels-add }|{ cmd-songadmin-channels-remove }|{ cmd-songadmin-channels-list }`: dónde se pueden crear canciones.
help-moderators-words = • `/{ cmd-songadmin } { cmd-songadmin-words } { cmd-songadmin-words-add }|{ cmd-songadmin-words-remove }|{ cmd-songadmin-words-list }`: palabras rechazadas en las letras.
help-moderators-usage = • `/{ cmd-songadmin } { cmd-songadmin-usage } [{ cmd-songadmin-usage--member }] [{ cmd-songadmin-usage--csv }]`, `/{ cmd-songadmin } { cmd-songadmin-audit } [{ cmd-songadmin-audit--member }]`: el uso y el registro de auditoría.
