# help: コマンドと /ヘルプ のページ。コマンド名はその翻訳から取ります。

cmd-help = ヘルプ
    .description = このボットでできること: 曲、回数上限、ジャム、モデレーター用コマンド。

help-label-songs = 曲
help-label-quota = 回数上限
help-label-jams = ジャム
help-label-moderators = モデレーター

help-songs-title = **曲**: 参照曲と歌詞から曲を作ります。
help-songs-inline = • `/{ cmd-song } { cmd-song-create } { cmd-song-create--reference }:<ファイル> { cmd-song-create--lyrics }:<テキスト>`: 歌詞を直接入力。「 / 」で改行、「 // 」で間を空けます。
help-songs-form = • `/{ cmd-song } { cmd-song-create }`（`{ cmd-song-create--reference }:` は任意）: ファイルと複数行の歌詞を入力するフォーム。
help-songs-style = • `{ cmd-song-create--style }:` で音の雰囲気を指定します（{ $min }〜{ $max } 文字）。
help-songs-title-option = • `title:` で曲名を付けます（80文字まで。省略時は歌詞の最初の行）。
help-songs-next-steps = • 完成した曲の下に：**もう一度**（すべて同じで新しい曲）、**歌詞を編集**{ $cover ->
        [yes] 、**スタイルを変えてカバー**
       *[no] {""}
    }。どれも新しい曲として数えます。
help-songs-from-message = • 音声ファイル付きのメッセージで：アプリ › **{ cmd-make-a-song-from-this }**。
help-songs-jam = • `{ cmd-song-create--jam }:` で曲をジャムに応募します（省略時: チャンネルで開催中のジャム）。
help-songs-status = • `/{ cmd-song } { cmd-song-status } [{ cmd-song-status--job }]`: 曲の進み具合。
help-songs-list = • `/{ cmd-song } { cmd-song-list }`: ここでのあなたの曲を新しい順にリンク付きで表示。
help-songs-gallery = • `/{ cmd-song } { cmd-song-gallery }`：このサーバーの最近の曲と、ジャムの投票で上位の曲（リンク付き）。
help-songs-cancel = • `/{ cmd-song } { cmd-song-cancel } { cmd-song-cancel--job }`: 投稿前の曲をキャンセル（カードのキャンセルボタンでも可）。
help-songs-length-min = { $min } 秒より長いもの
help-songs-length-range = { $min } 秒より長く { $max } 秒以内
help-songs-limits = 参照曲: { $formats }、{ $length }、{ $megabytes } MB まで。歌詞: 送信したままで { $lyrics_min }〜{ $lyrics_max } 文字。入力に問題があっても費用はかかりません。

help-quota-title = **回数上限**: 作れる曲の数。
help-quota-command = • `/{ cmd-quota }`: 直近 24 時間に使った曲数と残り、次の枠が空く時刻、作成中の曲。
help-quota-cooldown = 曲と曲の間は { $seconds } 秒
help-quota-no-cooldown = 曲と曲の間の待ち時間なし
help-quota-limits = 既定では一日 { $daily } 曲（モデレーターはサーバー、ロール、メンバーごとに別の数を設定したり、ボーナスクレジットを与えたりできます）、同時に作成中にできるのは { $unfinished } 曲まで、{ $cooldown }。サーバーとボットにも一日の上限があります。
help-quota-refund = あなたのせいではない理由で失敗した曲は、クレジットが戻ります。
help-quota-rights = ここでの最初の曲では、アップロードする曲を使う権利があることをボタンで確認します。

help-jams-title = **ジャム**: テーマ、締め切り、曲、投票。
help-jams-enter = • ジャムのチャンネル（またはスレッド）で `/{ cmd-song } { cmd-song-create }` を使うと応募になります。応募ごとに投票ボタンが付きます。
help-jams-status = • `/{ cmd-jam } { cmd-jam-status } [{ cmd-jam-status--jam }]`: 開催中のジャム。
help-jams-leaderboard = • `/{ cmd-jam } { cmd-jam-leaderboard } [{ cmd-jam-leaderboard--jam }]`: リアルタイムの順位。
help-jams-history = • `/{ cmd-jam } { cmd-jam-history }`: 過去のジャムと優勝者。
help-jams-results = 結果は締め切りに投稿されます。

help-moderators-title = **モデレーター**（「サーバー管理」権限、またはモデレーターロール）:
help-moderators-jams = • `/{ cmd-jam } { cmd-jam-start } { cmd-jam-start--theme } { cmd-jam-start--duration } [{ cmd-jam-start--entries_per_member }] [{ cmd-jam-start--channel }] [{ cmd-jam-start--sponsored }] [{ cmd-jam-start--anonymous }] [{ cmd-jam-start--winner_role }]`、`/{ cmd-jam } { cmd-jam-end }`、`/{ cmd-jam } { cmd-jam-cancel }`、`/{ cmd-jam } { cmd-jam-settings }`: ジャムの運営。
help-moderators-settings = • `/{ cmd-songadmin } { cmd-songadmin-settings } { cmd-songadmin-settings-show }|{ cmd-songadmin-settings-rights }|{ cmd-songadmin-settings-moderator-role }|{ cmd-songadmin-settings-mod-log }|{ cmd-songadmin-settings-language }`: サーバー全体の設定。
help-moderators-quota = • `/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-default }|{ cmd-songadmin-quota-server-cap }|{ cmd-songadmin-quota-tier }|{ cmd-songadmin-quota-member }|{ cmd-songadmin-quota-list }`: メンバーが作れる曲の数。
help-moderators-credits = • `/{ cmd-songadmin } { cmd-songadmin-credits } { cmd-songadmin-credits-grant }|{ cmd-songadmin-credits-take }|{ cmd-songadmin-credits-refund }`: ボーナスクレジットと返金。
help-moderators-bans = • `/{ cmd-songadmin } { cmd-songadmin-ban }|{ cmd-songadmin-unban }|{ cmd-songadmin-bans }`: 理由付きの禁止。
help-moderators-channels = • `/{ cmd-songadmin } { cmd-songadmin-channels } { cmd-songadmin-channels-add }|{ cmd-songadmin-channels-remove }|{ cmd-songadmin-channels-list }`: 曲を作れる場所。
help-moderators-words = • `/{ cmd-songadmin } { cmd-songadmin-words } { cmd-songadmin-words-add }|{ cmd-songadmin-words-remove }|{ cmd-songadmin-words-list }`: 歌詞で拒否される言葉。
help-moderators-usage = • `/{ cmd-songadmin } { cmd-songadmin-usage } [{ cmd-songadmin-usage--member }] [{ cmd-songadmin-usage--csv }]`、`/{ cmd-songadmin } { cmd-songadmin-audit } [{ cmd-songadmin-audit--member }]`: 利用状況と監査ログ。
