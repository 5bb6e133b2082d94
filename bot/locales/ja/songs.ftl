# songs: コマンド（名前・説明・オプション）。キー: bot/core/i18n/commands.py

cmd-song = 曲
    .description = 参照曲と歌詞から曲を作ります
cmd-song-status = 状況
    .description = あなたの曲の進み具合を表示します。
cmd-song-status--job = ジョブ
    .description = あなたのジョブ（省略時: 最新のもの）
cmd-song-list = 一覧
    .description = このサーバーでのあなたの曲を新しい順にリンク付きで表示します。
cmd-song-gallery = ギャラリー
    .description = このサーバーの最近の曲とジャムの投票で上位の曲（リンク付き）。
cmd-song-cancel = キャンセル
    .description = 投稿される前の曲をキャンセルします。
cmd-song-cancel--job = ジョブ
    .description = まだ終わっていないあなたのジョブ
cmd-song-create = 作成
    .description = 参照曲と歌詞から曲を作ります
cmd-song-create--reference = 参照曲
    .description = 参照曲（.mp3 または .wav、15 秒より長いもの）。省略するとフォームを使います
cmd-song-create--lyrics = 歌詞
    .description = 歌詞。「 / 」で改行、「 // 」で間を空けます。省略するとフォームを使います
cmd-song-create--style = スタイル
    .description = 曲のスタイル（例: 「夢見るようなローファイ、柔らかいボーカル」）
cmd-song-create--jam = ジャム
    .description = この曲をジャムに応募します（省略時: このチャンネルで開催中のジャム）
