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
