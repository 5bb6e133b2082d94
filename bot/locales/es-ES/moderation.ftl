# moderation: comandos (nombres, descripciones, opciones). Claves: bot/core/i18n/commands.py.

cmd-songadmin = admincanciones
    .description = Modera las canciones: cuotas, créditos, vetos, canales, palabras bloqueadas
cmd-songadmin-settings = ajustes
    .description = Ajustes de canciones de todo el servidor
cmd-songadmin-settings-show = ver
    .description = Todos los ajustes de canciones de este servidor de un vistazo.
cmd-songadmin-settings-rights = derechos
    .description = Activa o desactiva la confirmación de derechos antes de la primera canción de un miembro.
cmd-songadmin-settings-rights--required = obligatoria
    .description = Pide a cada miembro una vez que confirme que puede usar las pistas que sube
cmd-songadmin-settings-moderator-role = rol-moderador
    .description = Elige el rol que modera las canciones, además de quienes tienen Gestionar servidor.
cmd-songadmin-settings-moderator-role--role = rol
    .description = Los miembros con este rol pueden usar /admincanciones (omítelo para quitarlo)
cmd-songadmin-settings-mod-log = registro-mod
    .description = Publica las acciones de moderación y las letras rechazadas en un canal.
cmd-songadmin-settings-mod-log--channel = canal
    .description = Dónde se publican las acciones de moderación y las letras rechazadas (omítelo para parar)
cmd-songadmin-settings-language = idioma
    .description = El idioma de las publicaciones de este servidor: tarjetas, anuncios y resultados de jams.
cmd-songadmin-settings-language--language = idioma
    .description = Un idioma disponible, o el del servidor (Ajustes del servidor › Comunidad)
choice-english = Inglés
choice-spanish = Español
choice-portuguese-brazil = Portugués (Brasil)
choice-japanese = Japonés
choice-server-default = El del servidor
cmd-songadmin-quota = cuota
    .description = Cuántas canciones pueden crear los miembros
cmd-songadmin-quota-default = predeterminada
    .description = Fija las canciones por miembro cada 24 horas por defecto en este servidor.
cmd-songadmin-quota-default--songs = canciones
    .description = Canciones por miembro cada 24 horas (omítelo para usar el valor del bot)
cmd-songadmin-quota-server-cap = límite-servidor
    .description = Limita las canciones que crea todo este servidor cada 24 horas.
cmd-songadmin-quota-server-cap--songs = canciones
    .description = Canciones cada 24 horas para todo el servidor (omítelo para quitar el límite)
cmd-songadmin-quota-tier = nivel
    .description = Da a un rol sus propias canciones diarias; gana el nivel más alto del miembro.
cmd-songadmin-quota-tier--role = rol
    .description = El rol
cmd-songadmin-quota-tier--songs = canciones
    .description = Canciones cada 24 horas para los miembros con él (omítelo para quitarlo)
cmd-songadmin-quota-member = miembro
    .description = Fija las canciones diarias de un miembro; pasa por delante de los niveles de rol.
cmd-songadmin-quota-member--member = miembro
    .description = El miembro
cmd-songadmin-quota-member--songs = canciones
    .description = Sus canciones cada 24 horas, tenga los roles que tenga (omítelo para quitarlo)
cmd-songadmin-quota-list = lista
    .description = Los niveles de rol y las excepciones por miembro.
cmd-songadmin-credits = créditos
    .description = Créditos extra y reembolsos
cmd-songadmin-credits-grant = dar
    .description = Da a un miembro canciones extra de un solo uso, usadas al agotar sus canciones diarias.
cmd-songadmin-credits-grant--member = miembro
    .description = Quién las recibe
cmd-songadmin-credits-grant--amount = cantidad
    .description = Cuántas canciones de un solo uso
cmd-songadmin-credits-grant--note = nota
    .description = Por qué (se guarda en el registro de auditoría)
cmd-songadmin-credits-take = quitar
    .description = Retira créditos extra que no se han usado.
cmd-songadmin-credits-take--member = miembro
    .description = De quién son los créditos extra
cmd-songadmin-credits-take--amount = cantidad
    .description = Cuántos retirar
cmd-songadmin-credits-refund = reembolsar
    .description = Devuelve a un miembro el crédito de una canción (las fallidas se reembolsan solas).
cmd-songadmin-credits-refund--job = trabajo
    .description = El trabajo que reembolsar
cmd-songadmin-credits-refund--note = nota
    .description = Por qué (se guarda en el registro de auditoría)
cmd-songadmin-channels = canales
    .description = Dónde se pueden crear canciones
cmd-songadmin-channels-add = añadir
    .description = Permite canciones en un canal; con alguno fijado, solo los canales de canciones las admiten.
cmd-songadmin-channels-add--channel = canal
    .description = Entonces solo se podrán crear canciones en los canales de canciones (y sus hilos)
cmd-songadmin-channels-remove = eliminar
    .description = Deja de permitir canciones en un canal; sin ninguno, todos los canales las admiten.
cmd-songadmin-channels-remove--channel = canal
    .description = Un canal de canciones
cmd-songadmin-channels-list = lista
    .description = Los canales donde se pueden crear canciones.
cmd-songadmin-words = palabras
    .description = Palabras rechazadas en las letras
cmd-songadmin-words-add = añadir
    .description = Rechaza letras con una palabra o frase (no se dice a los miembros cuál).
cmd-songadmin-words-add--word = palabra
    .description = Una palabra o frase; coinciden palabras enteras, * vale por cualquier letra (p. ej. odio*)
cmd-songadmin-words-remove = eliminar
    .description = Vuelve a permitir una palabra bloqueada.
cmd-songadmin-words-remove--word = palabra
    .description = Una palabra o frase bloqueada
cmd-songadmin-words-list = lista
    .description = Las palabras y frases bloqueadas (solo las ves tú).
cmd-songadmin-ban = vetar
    .description = Impide a un miembro crear canciones en este servidor.
cmd-songadmin-ban--member = miembro
    .description = El miembro
cmd-songadmin-ban--reason = motivo
    .description = Por qué; el miembro lo ve cuando se le rechaza
cmd-songadmin-ban--days = días
    .description = Durante cuántos días (omítelo: hasta que se levante el veto)
cmd-songadmin-unban = levantar-veto
    .description = Deja que un miembro vetado vuelva a crear canciones.
cmd-songadmin-unban--member = miembro
    .description = El miembro
cmd-songadmin-bans = vetos
    .description = Los miembros que no pueden crear canciones.
cmd-songadmin-usage = uso
    .description = Canciones por miembro en los últimos 7 días.
cmd-songadmin-usage--member = miembro
    .description = Un miembro en detalle (omítelo para ver a todos)
cmd-songadmin-usage--csv = csv
    .description = Adjunta también los últimos 7 días de cada miembro como archivo CSV
cmd-songadmin-audit = auditoría
    .description = Cada acción de moderación: quién, qué y cuándo, la más nueva primero.
cmd-songadmin-audit--member = miembro
    .description = Solo las acciones de este miembro o sobre él
cmd-quota = cuota
    .description = Cuántas canciones te quedan y cuándo se libera la siguiente.

# /songadmin settings language
moderation-language-set = Las publicaciones de este servidor (tarjetas de canciones, anuncios y resultados de jams) ahora están en { $language }. Las respuestas privadas siguen en el idioma de Discord de cada miembro.
moderation-language-cleared = Las publicaciones de este servidor siguen ahora su propio idioma (Ajustes del servidor › Comunidad), o el inglés si el bot no lo habla.
moderation-language-unchanged = Ese ya es el ajuste de idioma de este servidor.
moderation-language-audit-set = puso el idioma de las publicaciones en { $language }
moderation-language-audit-cleared = hizo que las publicaciones sigan el idioma del servidor
moderation-overview-language = Idioma de las publicaciones: { $language }
moderation-overview-language-server = el del servidor (Ajustes del servidor › Comunidad)

# Rechazos que un miembro lee en privado
moderation-refusal-lifts = { $refusal } Se levanta { DISCORD_TIME($at, style: "R") }.
moderation-refusal-frees-up = { $refusal } Se libera { DISCORD_TIME($at, style: "R") }.
moderation-refusal-banned = Un moderador te ha vetado para crear canciones en este servidor. Motivo: { $reason }.
moderation-refusal-channels = En este servidor solo se pueden crear canciones en { $channels }.
moderation-refusal-channels-more = En este servidor solo se pueden crear canciones en { $channels } y { $more } más.
moderation-refusal-blocked = Tu letra contiene una palabra o frase que este servidor no permite, así que no se ha enviado ni cobrado nada. Cámbiala y vuelve a intentarlo.
moderation-refusal-global-cap = El bot ha alcanzado su límite diario de canciones para todos los servidores.
moderation-refusal-guild-cap = Este servidor ha alcanzado su límite diario de canciones.
moderation-refusal-member-unfinished = { $count ->
    [one] Ya tienes { $count } canción en curso; espera a que termine.
    [many] Ya tienes { $count } canciones en curso; espera a que termine alguna.
   *[other] Ya tienes { $count } canciones en curso; espera a que termine alguna.
}
moderation-refusal-guild-unfinished = Este servidor tiene demasiadas canciones en curso; vuelve a intentarlo en unos minutos.
moderation-refusal-cooldown = Tienes que esperar un poco entre canciones.
moderation-refusal-jam-closed = La jam se cerró antes de que tu canción pudiera participar, así que no se ha creado nada.
moderation-refusal-jam-entries = { $count ->
    [one] Ya has presentado { $count } canción a esta jam, el máximo que admite.
    [many] Ya has presentado { $count } canciones a esta jam, el máximo que admite.
   *[other] Ya has presentado { $count } canciones a esta jam, el máximo que admite.
}
moderation-refusal-member-daily = { $count ->
    [one] Ya has usado tu { $count } canción de las últimas 24 horas.
    [many] Ya has usado tus { $count } canciones de las últimas 24 horas.
   *[other] Ya has usado tus { $count } canciones de las últimas 24 horas.
}

# Confirmación de derechos antes de la primera canción
moderation-rights-question = Antes de tu primera canción en este servidor: confirma que tienes derecho a usar las pistas que subes como referencia (las hiciste tú, o su dueño lo permitió). Recordaré tu respuesta.
moderation-rights-too-many-held = (Ya tienes canciones esperando esta respuesta, así que esta no se guarda: cuando confirmes, vuelve a usar `/{ cmd-song } { cmd-song-create }`.)
moderation-rights-button = Tengo derecho a usar mis pistas
moderation-rights-confirmed = ✅ Confirmaste { DISCORD_TIME($at, style: "f") } que puedes usar las pistas que subes aquí.
moderation-rights-confirmed-again = ✅ Confirmaste { DISCORD_TIME($at, style: "f") } que puedes usar las pistas que subes aquí. Vuelve a usar `/{ cmd-song } { cmd-song-create }` para crear tu canción.

# De dónde viene la cuota diaria de un miembro
moderation-limit-override-you = Es un límite fijado solo para ti.
moderation-limit-override-them = Es un límite fijado solo para este miembro.
moderation-limit-tier-you = Este límite viene de tu rol <@&{ $role }>.
moderation-limit-tier-them = Este límite viene de su rol <@&{ $role }>.
moderation-limit-server = Es el límite predeterminado del servidor.
moderation-limit-bot = Es el límite predeterminado del bot.

# Respuestas de /{ cmd-songadmin } y detalles de auditoría
moderation-not-owner = Solo los miembros con Gestionar servidor pueden elegir el rol de moderador.
moderation-audit-quota-default-reset = { $count ->
    [one] restableció el valor del servidor al del bot ({ $count } canción cada 24 horas)
    [many] restableció el valor del servidor al del bot ({ $count } canciones cada 24 horas)
   *[other] restableció el valor del servidor al del bot ({ $count } canciones cada 24 horas)
}
moderation-audit-quota-default = { $count ->
    [one] fijó el valor del servidor en { $count } canción cada 24 horas
    [many] fijó el valor del servidor en { $count } canciones cada 24 horas
   *[other] fijó el valor del servidor en { $count } canciones cada 24 horas
}
moderation-quota-default-bot = { $count ->
    [one] Los miembros de aquí tienen ahora el valor del bot, { $count } canción cada 24 horas. Los niveles de rol y las excepciones por miembro siguen teniendo prioridad.
    [many] Los miembros de aquí tienen ahora el valor del bot, { $count } canciones cada 24 horas. Los niveles de rol y las excepciones por miembro siguen teniendo prioridad.
   *[other] Los miembros de aquí tienen ahora el valor del bot, { $count } canciones cada 24 horas. Los niveles de rol y las excepciones por miembro siguen teniendo prioridad.
}
moderation-quota-default-set = { $count ->
    [one] Los miembros de aquí tienen ahora { $count } canción cada 24 horas. Los niveles de rol y las excepciones por miembro siguen teniendo prioridad.
    [many] Los miembros de aquí tienen ahora { $count } canciones cada 24 horas. Los niveles de rol y las excepciones por miembro siguen teniendo prioridad.
   *[other] Los miembros de aquí tienen ahora { $count } canciones cada 24 horas. Los niveles de rol y las excepciones por miembro siguen teniendo prioridad.
}
moderation-quota-default-unchanged = Ese ya es el valor predeterminado del servidor.
moderation-audit-cap-removed = quitó el límite diario del servidor
moderation-audit-cap-set = { $count ->
    [one] fijó el límite diario del servidor en { $count } canción cada 24 horas
    [many] fijó el límite diario del servidor en { $count } canciones cada 24 horas
   *[other] fijó el límite diario del servidor en { $count } canciones cada 24 horas
}
moderation-cap-removed = Este servidor no tiene un límite diario propio.
moderation-cap-removed-operator = { $operator ->
    [one] Este servidor no tiene un límite diario propio (el operador del bot limita cada servidor a { $operator } canción).
    [many] Este servidor no tiene un límite diario propio (el operador del bot limita cada servidor a { $operator } canciones).
   *[other] Este servidor no tiene un límite diario propio (el operador del bot limita cada servidor a { $operator } canciones).
}
moderation-cap-set = { $count ->
    [one] Este servidor puede crear ahora como mucho { $count } canción cada 24 horas.
    [many] Este servidor puede crear ahora como mucho { $count } canciones cada 24 horas.
   *[other] Este servidor puede crear ahora como mucho { $count } canciones cada 24 horas.
}
moderation-cap-set-operator = { $count ->
    [one] Este servidor puede crear ahora como mucho { $count } canción cada 24 horas
    [many] Este servidor puede crear ahora como mucho { $count } canciones cada 24 horas
   *[other] Este servidor puede crear ahora como mucho { $count } canciones cada 24 horas
} { $operator ->
    [one] (el operador del bot limita cada servidor a { $operator } canción).
    [many] (el operador del bot limita cada servidor a { $operator } canciones).
   *[other] (el operador del bot limita cada servidor a { $operator } canciones).
}
moderation-cap-unchanged = Ese ya es el límite del servidor.
moderation-audit-tier-removed = quitó el nivel de <@&{ $role }>
moderation-tier-none = <@&{ $role }> no tiene nivel.
moderation-tier-removed = <@&{ $role }> ya no tiene nivel.
moderation-error-too-many-tiers = Un servidor puede tener como mucho { $max } niveles de rol; quita uno primero.
moderation-audit-tier-set = { $count ->
    [one] fijó el nivel de <@&{ $role }> en { $count } canción cada 24 horas
    [many] fijó el nivel de <@&{ $role }> en { $count } canciones cada 24 horas
   *[other] fijó el nivel de <@&{ $role }> en { $count } canciones cada 24 horas
}
moderation-tier-unchanged = <@&{ $role }> ya tiene ese nivel.
moderation-tier-set = { $count ->
    [one] Los miembros con <@&{ $role }> tienen ahora { $count } canción cada 24 horas (gana el nivel más alto del miembro; una excepción por miembro pasa por delante).
    [many] Los miembros con <@&{ $role }> tienen ahora { $count } canciones cada 24 horas (gana el nivel más alto del miembro; una excepción por miembro pasa por delante).
   *[other] Los miembros con <@&{ $role }> tienen ahora { $count } canciones cada 24 horas (gana el nivel más alto del miembro; una excepción por miembro pasa por delante).
}
moderation-audit-override-removed = quitó la excepción de <@{ $user }>
moderation-override-none = <@{ $user }> no tiene excepción.
moderation-override-removed = <@{ $user }> vuelve a su nivel de rol o al valor del servidor.
moderation-audit-override-set = { $count ->
    [one] fijó el límite de <@{ $user }> en { $count } canción cada 24 horas
    [many] fijó el límite de <@{ $user }> en { $count } canciones cada 24 horas
   *[other] fijó el límite de <@{ $user }> en { $count } canciones cada 24 horas
}
moderation-override-unchanged = <@{ $user }> ya tiene ese límite.
moderation-override-set = { $count ->
    [one] <@{ $user }> tiene ahora { $count } canción cada 24 horas, tenga los roles que tenga.
    [many] <@{ $user }> tiene ahora { $count } canciones cada 24 horas, tenga los roles que tenga.
   *[other] <@{ $user }> tiene ahora { $count } canciones cada 24 horas, tenga los roles que tenga.
}
moderation-audit-grant = { $count ->
    [one] dio a <@{ $user }> { $count } crédito extra
    [many] dio a <@{ $user }> { $count } créditos extra
   *[other] dio a <@{ $user }> { $count } créditos extra
}
moderation-audit-grant-note = { $count ->
    [one] dio a <@{ $user }> { $count } crédito extra ({ $note })
    [many] dio a <@{ $user }> { $count } créditos extra ({ $note })
   *[other] dio a <@{ $user }> { $count } créditos extra ({ $note })
}
moderation-grant-done = { $count ->
    [one] <@{ $user }> tiene ahora { $count } crédito extra; se usan al agotar las canciones diarias.
    [many] <@{ $user }> tiene ahora { $count } créditos extra; se usan al agotar las canciones diarias.
   *[other] <@{ $user }> tiene ahora { $count } créditos extra; se usan al agotar las canciones diarias.
}
moderation-take-none = <@{ $user }> no tiene créditos extra.
moderation-audit-take = { $count ->
    [one] retiró { $count } crédito extra a <@{ $user }>
    [many] retiró { $count } créditos extra a <@{ $user }>
   *[other] retiró { $count } créditos extra a <@{ $user }>
}
moderation-take-done = { $count ->
    [one] Retirado { $count } crédito extra;
    [many] Retirados { $count } créditos extra;
   *[other] Retirados { $count } créditos extra;
} { $left ->
    [one] a <@{ $user }> le queda { $left } crédito extra.
    [many] a <@{ $user }> le quedan { $left } créditos extra.
   *[other] a <@{ $user }> le quedan { $left } créditos extra.
}
moderation-error-no-job = No hay ningún trabajo { $job } en este servidor.
moderation-refund-free = El trabajo { $job } fue gratis; no hay nada que reembolsar.
moderation-refund-already = El trabajo { $job } ya se ha reembolsado.
moderation-audit-refund = reembolsó el trabajo { $job } de <@{ $user }>
moderation-audit-refund-note = reembolsó el trabajo { $job } de <@{ $user }> ({ $note })
moderation-refund-bonus = Trabajo { $job } reembolsado: su crédito extra ha vuelto (<@{ $user }>).
moderation-refund-quota = Trabajo { $job } reembolsado: la canción ya no cuenta en su cuota (<@{ $user }>).
moderation-error-ban-reason = Indica un motivo; el miembro lo verá.
moderation-error-ban-self = No puedes vetarte a ti mismo.
moderation-audit-ban = vetó a <@{ $user }>: { $reason }
moderation-audit-ban-until = vetó a <@{ $user }> hasta { DISCORD_TIME($at, style: "f") }: { $reason }
moderation-ban-done = <@{ $user }> ya no puede crear canciones aquí hasta que se levante el veto. Verá: { $reason }
moderation-ban-done-until = <@{ $user }> no puede crear canciones aquí hasta { DISCORD_TIME($at, style: "f") }. Verá: { $reason }
moderation-audit-unban = levantó el veto a <@{ $user }>
moderation-unban-none = <@{ $user }> no está vetado.
moderation-unban-done = <@{ $user }> puede volver a crear canciones aquí.
moderation-error-too-many-channels = Como mucho { $max } canales de canciones; quita uno primero.
moderation-audit-channel-add = permitió canciones en <#{ $channel }>
moderation-channel-already = <#{ $channel }> ya es un canal de canciones.
moderation-channel-added = Ahora solo se pueden crear canciones en: { $channels } (y sus hilos).
moderation-audit-channel-remove = dejó de permitir canciones en <#{ $channel }>
moderation-channel-not = <#{ $channel }> no es un canal de canciones.
moderation-channel-none-left = No queda ningún canal de canciones, así que se pueden volver a crear canciones en cualquier canal.
moderation-channel-removed = Ahora solo se pueden crear canciones en: { $channels }.
moderation-error-too-many-words = La lista admite como mucho { $max } entradas; quita alguna primero.
moderation-error-word-empty = Una palabra bloqueada necesita al menos una letra o un dígito.
moderation-error-word-long = Una palabra bloqueada puede tener como mucho { $max } caracteres.
moderation-error-word-wildcards = Una palabra bloqueada puede tener como mucho { $max } comodines `*`.
moderation-audit-word-add = bloqueó `{ $entry }`
moderation-word-already = `{ $entry }` ya está bloqueada.
moderation-word-added = `{ $entry }` bloqueada: las letras que la contengan se rechazan (sin nombrarla).
moderation-audit-word-remove = desbloqueó `{ $entry }`
moderation-word-not = `{ $entry }` no está en la lista.
moderation-word-removed = `{ $entry }` desbloqueada.
moderation-audit-rights-on = activó la confirmación de derechos
moderation-audit-rights-off = desactivó la confirmación de derechos
moderation-rights-on = Los miembros deben confirmar una vez, antes de su primera canción, que pueden usar las pistas que suben.
moderation-rights-off = Los miembros ya no tienen que confirmar sus derechos sobre sus pistas de referencia.
moderation-rights-unchanged-on = La confirmación de derechos ya está activada.
moderation-rights-unchanged-off = La confirmación de derechos ya está desactivada.
moderation-audit-role-removed = quitó el rol de moderador
moderation-role-removed = Ahora solo los miembros con Gestionar servidor pueden moderar canciones.
moderation-audit-role-set = hizo de <@&{ $role }> el rol de moderador
moderation-role-set = Los miembros con <@&{ $role }> ya pueden usar /{ cmd-songadmin }. Para que vean el comando, permítelo para el rol en Ajustes del servidor › Integraciones.
moderation-role-unchanged = Ese ya es el rol de moderador.
moderation-audit-modlog-off = desactivó el registro de moderación
moderation-modlog-off = Las acciones de moderación ya no se publican en un canal.
moderation-audit-modlog-set = puso el registro de moderación en <#{ $channel }>
moderation-modlog-set = Las acciones de moderación y las letras rechazadas se publicarán en <#{ $channel }>.
moderation-modlog-unchanged = Ese ya es el ajuste del registro de moderación.
moderation-usage-csv = { $count ->
    [one] Canciones por miembro, últimos { $days } días ({ $count } miembro); horas en UTC.
    [many] Canciones por miembro, últimos { $days } días ({ $count } miembros); horas en UTC.
   *[other] Canciones por miembro, últimos { $days } días ({ $count } miembros); horas en UTC.
}

# Registro de moderación (público, en el idioma del servidor)
moderation-modlog-action = 🛡️ <@{ $actor }> { $details }
moderation-modlog-blocked = 🚫 Letra rechazada de <@{ $user }> en <#{ $channel }>: coincide con la entrada bloqueada `{ $entry }`.

# Listas de moderación (privadas, una página cada vez)
moderation-list-header = **{ $title }**
moderation-list-header-paged = **{ $title }** · página { $page } de { $pages }
moderation-list-empty = Aún no hay nada.
moderation-list-previous = ‹ Anterior
moderation-list-next = Siguiente ›
moderation-list-audit = Acciones de moderación, las más nuevas primero
moderation-list-audit-about = Acciones de moderación sobre <@{ $user }>, las más nuevas primero
moderation-audit-line = { DISCORD_TIME($at, style: "f") } <@{ $actor }> { $details }
moderation-list-quotas = Niveles de rol (gana el más alto) y excepciones por miembro (pasan por delante)
moderation-list-tier-line = { $count ->
    [one] <@&{ $role }> · { $count } canción cada 24 horas
    [many] <@&{ $role }> · { $count } canciones cada 24 horas
   *[other] <@&{ $role }> · { $count } canciones cada 24 horas
}
moderation-list-override-line = { $count ->
    [one] <@{ $user }> · { $count } canción cada 24 horas (excepción)
    [many] <@{ $user }> · { $count } canciones cada 24 horas (excepción)
   *[other] <@{ $user }> · { $count } canciones cada 24 horas (excepción)
}
moderation-list-bans = Miembros vetados para crear canciones
moderation-ban-line = <@{ $user }> · { $until } · por <@{ $by }> { DISCORD_TIME($at, style: "R") } · { $reason }
moderation-ban-until = hasta { DISCORD_TIME($at, style: "R") }
moderation-ban-no-end = sin fecha de fin
moderation-list-channels = Canales de canciones
moderation-list-channels-none = Canales de canciones: ninguno, así que se pueden crear canciones en cualquier canal
moderation-list-channel-line = <#{ $channel }> · añadido por <@{ $by }> { DISCORD_TIME($at, style: "R") }
moderation-list-words = Palabras bloqueadas
moderation-list-word-line = `{ $entry }` · añadida por <@{ $by }> { DISCORD_TIME($at, style: "R") }
moderation-list-usage = Canciones por miembro, últimos { $days } días
moderation-usage-charged = { $count ->
    [one] { $count } canción
    [many] { $count } canciones
   *[other] { $count } canciones
}
moderation-usage-charged-bonus = { $count ->
    [one] { $count } canción
    [many] { $count } canciones
   *[other] { $count } canciones
} ({ $bonus } extra)
moderation-usage-refunded = { $count ->
    [one] { $count } reembolsada
    [many] { $count } reembolsadas
   *[other] { $count } reembolsadas
}
moderation-usage-failed = { $count ->
    [one] { $count } fallida
    [many] { $count } fallidas
   *[other] { $count } fallidas
}
moderation-usage-unfinished = { $count } en curso
moderation-usage-last = última { DISCORD_TIME($at, style: "R") }

# /quota y la vista de un miembro para moderadores (privadas)
moderation-quota-used-unlimited = Usadas **{ $used }** en las últimas 24 horas (sin límite diario)
moderation-quota-used = Usadas **{ $used }** de **{ $limit }** en las últimas 24 horas · quedan **{ $left }**
moderation-quota-bonus-you = { $count ->
    [one] Tienes **{ $count } crédito extra**, que se usa al agotar las canciones diarias
    [many] Tienes **{ $count } créditos extra**, que se usan al agotar las canciones diarias
   *[other] Tienes **{ $count } créditos extra**, que se usan al agotar las canciones diarias
}
moderation-quota-bonus-them = { $count ->
    [one] Tiene **{ $count } crédito extra**, que se usa al agotar las canciones diarias
    [many] Tiene **{ $count } créditos extra**, que se usan al agotar las canciones diarias
   *[other] Tiene **{ $count } créditos extra**, que se usan al agotar las canciones diarias
}
moderation-quota-next-free = El siguiente crédito se libera { DISCORD_TIME($at, style: "R") }
moderation-quota-in-progress = En curso: **{ $count }**
moderation-quota-in-progress-limited = En curso: **{ $count }** (como mucho { $limit } a la vez)
moderation-quota-cooldown = Espera: la siguiente canción puede empezar { DISCORD_TIME($at, style: "R") }
moderation-standing-title-you = **Tus canciones en este servidor**
moderation-standing-title-them = **Canciones de <@{ $user }>**
moderation-standing-server-cap = { $count ->
    [one] El servidor ha creado { $used } de su { $count } canción de las últimas 24 horas.
    [many] El servidor ha creado { $used } de sus { $count } canciones de las últimas 24 horas.
   *[other] El servidor ha creado { $used } de sus { $count } canciones de las últimas 24 horas.
}
moderation-standing-barred-you = ⛔ Tienes vetado crear canciones aquí: { $reason }
moderation-standing-barred-you-until = ⛔ Tienes vetado crear canciones aquí hasta { DISCORD_TIME($at, style: "R") }: { $reason }
moderation-standing-barred-them = ⛔ Vetado para crear canciones aquí: { $reason }
moderation-standing-barred-them-until = ⛔ Vetado para crear canciones aquí hasta { DISCORD_TIME($at, style: "R") }: { $reason }
moderation-standing-channels = Se pueden crear canciones en: { $channels }
moderation-standing-rights = Derechos confirmados { DISCORD_TIME($at, style: "f") }
moderation-standing-no-rights = Aún no ha confirmado sus derechos
moderation-standing-week = { $count ->
    [one] Últimos { $days } días: { $count } canción cobrada
    [many] Últimos { $days } días: { $count } canciones cobradas
   *[other] Últimos { $days } días: { $count } canciones cobradas
} ({ $bonus ->
    [one] { $bonus } crédito extra usado
    [many] { $bonus } créditos extra usados
   *[other] { $bonus } créditos extra usados
}), { $refunded } reembolsadas, { $delivered } entregadas, { $failed } fallidas
moderation-standing-recent = Trabajos recientes:

# /{ cmd-songadmin } settings show
moderation-overview-title = **Ajustes de canciones de este servidor**
moderation-overview-songs = { $count ->
    [one] { $count } canción
    [many] { $count } canciones
   *[other] { $count } canciones
}
moderation-overview-default-server = { $count ->
    [one] { $count } canción (valor de este servidor)
    [many] { $count } canciones (valor de este servidor)
   *[other] { $count } canciones (valor de este servidor)
}
moderation-overview-default-bot = { $count ->
    [one] { $count } canción (valor del bot)
    [many] { $count } canciones (valor del bot)
   *[other] { $count } canciones (valor del bot)
}
moderation-overview-none-here = ninguno fijado aquí
moderation-overview-none = ninguno
moderation-overview-default = Canciones por miembro cada 24 horas: { $default }
moderation-overview-tiers = Niveles de rol: { $tiers } · excepciones por miembro: { $overrides } (`/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-list }`)
moderation-overview-caps = Límite diario de este servidor: { $server } · fijado por el operador del bot: { $operator_server } por servidor, { $operator_all } en total
moderation-overview-unfinished = En curso a la vez: { $member } por miembro, { $server } por servidor · { $cooldown } s entre las canciones de un miembro
moderation-overview-channels = Canales de canciones: { $channels }
moderation-overview-channels-any = Canales de canciones: cualquier canal
moderation-overview-words = Palabras bloqueadas: { $count } (`/{ cmd-songadmin } { cmd-songadmin-words } { cmd-songadmin-words-list }`)
moderation-overview-rights-on = Confirmación de derechos antes de la primera canción de un miembro: activada
moderation-overview-rights-off = Confirmación de derechos antes de la primera canción de un miembro: desactivada
moderation-overview-role = Rol de moderador: <@&{ $role }>
moderation-overview-role-none = Rol de moderador: ninguno (miembros con Gestionar servidor)
moderation-overview-modlog = Registro de moderación: <#{ $channel }>
moderation-overview-modlog-off = Registro de moderación: desactivado

# La bienvenida cuando el bot entra en un servidor (bot/moderation/ui/welcome.py), en el idioma del servidor.
moderation-welcome-here = 👋 ¡Gracias por añadir songjam aquí! Los miembros convierten una pista de referencia y su letra en una canción con `/{ cmd-song } { cmd-song-create }`, y pueden inscribir canciones en jams.
moderation-welcome-to = 👋 ¡Gracias por añadir songjam a **{ $server }**! Los miembros convierten una pista de referencia y su letra en una canción con `/{ cmd-song } { cmd-song-create }`, y pueden inscribir canciones en jams.
moderation-welcome-steps = Moderadores (Gestionar servidor), tres pasos para configurarlo:
moderation-welcome-channels = **1. Canales de canciones**: `/{ cmd-songadmin } { cmd-songadmin-channels } { cmd-songadmin-channels-add } { cmd-songadmin-channels-add--channel }:` elige dónde se pueden crear canciones (hasta que añadas uno, cualquier canal sirve).
moderation-welcome-quotas = **2. Cuotas**: `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-default } { cmd-songadmin-quota-default--songs }:` fija las canciones de cada miembro cada 24 horas; `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-tier }` da a un rol su propia cuota y `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-server-cap }` pone un límite a todo el servidor.
moderation-welcome-modlog = **3. Registro de moderación**: `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-mod-log } { cmd-songadmin-settings-mod-log--channel }:` publica en un canal las acciones de los moderadores y las letras rechazadas.
moderation-welcome-more = `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-show }` muestra todos los ajustes, y `/{ cmd-help }` explica todo lo demás.
