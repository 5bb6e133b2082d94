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
cmd-song-create--title = タイトル
    .description = 曲のタイトル（80文字まで。省略時は歌詞の最初の行）
cmd-make-a-song-from-this = これで曲を作る

# 曲の出力（bot/songs/card.py、text.py、engine.py、picture.py、ui/presenter.py、views.py）:
# 公開カードと曲の投稿はサーバーの言語、/曲 状況・一覧・ギャラリーとメンバーへのお知らせは読む人の言語。
# $job: ジョブ番号（テキスト）。

# カード。$user: メンバー（誰にも通知しないメンション）。
songs-card-label-queued = 順番待ち
songs-card-label-making = 制作中
songs-card-label-done = 完成
songs-card-label-failed = 失敗
songs-card-label-expired = 期限切れ
songs-card-label-cancelled = キャンセル済み
songs-card-state-queued = 順番待ち
songs-card-state-making = 制作中
songs-card-state-done = 完成
songs-card-state-failed = 失敗
songs-card-state-expired = 期限切れ
songs-card-state-cancelled = キャンセル済み
songs-card-heading = { $icon } **{ $state }** · <@{ $user }> さんの曲
songs-card-ahead = このサーバーであなたの曲の前に { $count } 曲あります
songs-card-progress = 開始 { DISCORD_TIME($started, style: "R") } · 全体で約 { $total } · 完成予定 { DISCORD_TIME($ready, style: "R") }
songs-card-seconds = { $seconds } 秒
songs-card-minutes = { $minutes } 分
songs-card-minutes-seconds = { $minutes } 分 { $seconds } 秒
songs-card-cancelled = リクエストしたメンバーがキャンセルしました。
songs-card-took = 所要時間 { $duration }。
songs-card-reference = 参照曲
songs-card-length = 長さ
songs-card-footer = ジョブ { $job } · { $state }
songs-card-untitled = 曲 { $job }
songs-card-a-member = メンバー
songs-card-song-for = <@{ $user }> さんの曲
songs-card-cancel-button = キャンセル
songs-card-cancel-not-yours = この曲をキャンセルできるのは、リクエストしたメンバーだけです。
songs-card-post = <@{ $user }> ジョブ { $job } の曲ができました！🎶
songs-card-post-link = <@{ $user }> ジョブ { $job } の曲ができましたが、大きすぎてここにアップロードできません。こちらからダウンロードしてください（リンクは1日以内に切れます）: { $url }
songs-card-picture-new = 新しい曲
songs-card-picture-by = 作:
songs-card-picture-untitled = 無題の曲
songs-card-picture-member = songjam のメンバー

# 曲が投稿されずに終わった理由: ジョブと一緒に保存され、カードとメンバーに表示されます。
songs-failure-busy = 音楽サービスが混み合っているため、料金はかかっていません。数分後にもう一度お試しください。
songs-failure-unavailable = 現在、曲を作れない状態のため、料金はかかっていません。ボットの運営者が対応中です。
songs-failure-unknown-outcome = 曲の送信中に音楽サービスとの接続が切れました。二重に請求されないよう再送はしていません。クレジットは戻りました。もう一度お試しください。
songs-failure-interrupted = 曲の送信中にボットが再起動しました。二重に請求されないよう再送はしていません。クレジットは戻りました。もう一度お試しください。
songs-failure-cancelled = あなたがキャンセルしました
songs-failure-expired = 音楽サービスが時間内に曲を仕上げられませんでした。クレジットは戻りました。
songs-failure-result-lost = 完成した曲を取得する前に期限が切れました。クレジットは戻りました。
songs-failure-submit-refused = 音楽サービスがこの曲を受け付けませんでした。クレジットは戻りました。
songs-failure-generation-failed = 音楽サービスがこの曲を作れませんでした。クレジットは戻りました。
songs-failure-lost-track = 音楽サービスがこの曲を見失いました。クレジットは戻りました。
songs-failure-bad-result = 音楽サービスから、投稿できる曲ではないものが返ってきました。クレジットは戻りました。
songs-failure-undeliverable = 曲はできましたが、Discord が受け付けなかったため、クレジットは戻りました。
songs-failure-unfetchable = 曲はできましたが、音楽サービスから取得できなかったため、クレジットは戻りました。
songs-failure-notice = { $state ->
        [expired] ジョブ { $job } の曲は期限切れになりました。{ $reason }
        [cancelled] ジョブ { $job } の曲はキャンセルされました。{ $reason }
       *[failed] ジョブ { $job } の曲は失敗しました。{ $reason }
    }
songs-failure-service-said = 音楽サービスからのメッセージ: { $detail }
songs-failure-fetch-link = リンクが有効なうちはまだダウンロードできます（期限 { DISCORD_TIME($at, style: "R") }）: { $url }
songs-failure-channel-note = <@{ $user }> ジョブ { $job } の曲はうまくいきませんでした。理由は `/{ cmd-song } { cmd-song-status } { cmd-song-status--job }:{ $job }` で確認できます。

# /曲 状況（本人のみ）。
songs-status-state-pending = 順番待ち
songs-status-state-submitting = 音楽サービスへ送信中
songs-status-state-submitted = 音楽サービスで順番待ち
songs-status-state-generating = 生成中
songs-status-state-completed = 仕上げ中
songs-status-state-delivered = 完成
songs-status-state-failed = 失敗
songs-status-state-expired = 期限切れ
songs-status-state-cancelled = キャンセル済み
songs-status-head = **ジョブ { $job }**: { $state } · { $elapsed }
songs-status-started = 開始 { DISCORD_TIME($at, style: "R") }
songs-status-took = 所要時間 { $duration }
songs-status-ready = 完成予定 { DISCORD_TIME($at, style: "R") }
songs-status-download = ダウンロード（完成から1日以内に期限切れ）: { $url }
songs-status-sent-by-dm = ダイレクトメッセージで送りました。
songs-status-posted = 投稿先: { $link }
songs-status-lyrics = 歌詞: { $lyrics }
songs-status-reference = 参照曲: `{ $name }`
songs-status-cancel-not-found = あなたのジョブの中にそのジョブは見つかりません。
songs-status-cancel-already = ジョブ { $job } はすでに終わっています（{ $state }）。
songs-status-cancel-finished = ジョブ { $job } はその間に終わりました。
songs-status-cancelled-refunded = ジョブ { $job } をキャンセルしました。投稿されません。クレジットは戻りました。
songs-status-cancelled-charged = ジョブ { $job } をキャンセルしました。投稿されません。曲はすでに制作中だったため、クレジットは使用済みです。

# /曲 一覧（本人のみ）。
songs-list-line = `{ $job }` { $icon } { $state } · { DISCORD_TIME($at, style: "R") } · { $lyrics }
songs-list-song-link = [曲]({ $link })
songs-list-card-link = [カード]({ $link })
songs-list-empty = ここにはまだあなたの曲がありません。`/{ cmd-song } { cmd-song-create }` を試してみてください。
songs-list-head = **ここでのあなたの曲**（{ $total } 曲中 { $first }–{ $last }、{ $pages } ページ中 { $page } ページ目）
songs-list-not-yours = ページをめくれるのは、この曲の持ち主だけです。自分の曲は `/{ cmd-song } { cmd-song-list }` で見られます。
songs-list-previous = ‹ 前へ
songs-list-next = 次へ ›

# /曲 ギャラリー（本人のみ）。
songs-gallery-tab-recent = 新着
songs-gallery-tab-top = 人気
songs-gallery-title-recent = ここでの新着曲
songs-gallery-title-top = ここでの人気曲（ジャムの得票順）
songs-gallery-empty-recent = このサーバーにはまだ曲が投稿されていません。`/{ cmd-song } { cmd-song-create }` で最初の曲を作りましょう。
songs-gallery-empty-top = ここにはまだジャムの票を得た曲がありません。`/{ cmd-jam }` の応募曲には{ jams-button-vote }ボタンが付きます。
songs-gallery-head = **{ $title }**（{ $total } 曲中 { $first }–{ $last }、{ $pages } ページ中 { $page } ページ目）
songs-gallery-untitled = 無題
songs-gallery-line = **{ $rank }.** [{ $title }]({ $link }) · <@{ $user }> · { DISCORD_TIME($at, style: "R") }
songs-gallery-votes = { $count }票
