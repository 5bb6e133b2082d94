# songs: comandos (nomes, descrições, opções). Chaves: bot/core/i18n/commands.py.

cmd-song = música
    .description = Crie uma música a partir de uma faixa de referência e da sua letra
cmd-song-status = status
    .description = Em que ponto está uma das suas músicas.
cmd-song-status--job = pedido
    .description = Um dos seus pedidos (padrão: o mais recente)
cmd-song-list = lista
    .description = Suas músicas neste servidor, das mais novas às mais antigas, com links.
cmd-song-gallery = galeria
    .description = As músicas recentes do servidor e as mais votadas nas jams, com links.
cmd-song-cancel = cancelar
    .description = Cancele uma das suas músicas antes de ela ser publicada.
cmd-song-cancel--job = pedido
    .description = Um dos seus pedidos não concluídos
cmd-song-create = criar
    .description = Crie uma música a partir de uma faixa de referência e da sua letra
cmd-song-create--reference = referência
    .description = A faixa de referência (.mp3 ou .wav, com mais de 15 segundos); deixe vazio para usar o formulário
cmd-song-create--lyrics = letra
    .description = Sua letra; ' / ' começa uma linha e ' // ' faz uma pausa. Deixe vazio para usar o formulário
cmd-song-create--style = estilo
    .description = O estilo da música (ex.: 'lo-fi sonhador, vocais suaves')
cmd-song-create--jam = jam
    .description = Inscreva a música nesta jam (padrão: a jam aberta deste canal, se houver)
